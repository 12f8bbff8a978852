package streamworkbook.week10;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import streamworkbook.kit.exercise.Programs;
import streamworkbook.kit.infra.KafkaEndpoint;

/**
 * Re-publishes the dead letters a known fix repairs (see {@link DeadLetterReplay}); the validation job then reads them
 * again like any other record.
 *
 * <pre>
 * ./workbook run week10 ReplayApp --fix user-id-as-text --dry-run     # what would be replayed
 * ./workbook run week10 ReplayApp --fix user-id-as-text --fix time-from-kafka
 * </pre>
 */
@Command(name = "ReplayApp", mixinStandardHelpOptions = true,
        description = "Repairs dead letters with the named fixes and publishes those that now keep every rule to their source topics.")
public class ReplayApp implements Callable<Integer> {

    @Mixin
    Endpoints endpoints;

    @Option(names = "--fix", required = true, description = "a fix to apply (repeatable): user-id-as-text, time-from-kafka")
    List<String> fixes;

    @Option(names = "--dry-run", description = "count what would be replayed; publish and commit nothing")
    boolean dryRun;

    @Option(names = "--group", defaultValue = "week10-replay",
            description = "consumer group whose committed offsets say which dead letters were seen (default: ${DEFAULT-VALUE})")
    String group;

    @Option(names = "--from-beginning", description = "forget what the group saw: look at every dead letter again")
    boolean fromBeginning;

    public static void main(String[] args) {
        Programs.main(new ReplayApp(), "week10-quality", args);
    }

    @Override
    public Integer call() throws Exception {
        List<DeadLetterReplay.Fix> chosen = new ArrayList<>();
        for (String name : fixes) {
            chosen.add(java.util.Arrays.stream(DeadLetterReplay.Fix.values()).filter(f -> f.optionName().equals(name)).findFirst()
                    .orElseThrow(() -> new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                            "no fix '" + name + "': the fixes are user-id-as-text, time-from-kafka")));
        }
        KafkaEndpoint kafka = endpoints.kafka();
        if (fromBeginning && !dryRun) {
            try (Admin admin = kafka.admin()) {
                admin.deleteConsumerGroupOffsets(group, java.util.Set.copyOf(
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().keySet())).all().get();
            } catch (java.util.concurrent.ExecutionException e) {
                // no offsets yet: nothing to forget
            }
        }
        // a dry run commits nothing; from the beginning it reads as a group of its own that has seen nothing
        String readAs = fromBeginning && dryRun ? group + "-dry-run-" + java.util.UUID.randomUUID() : group;
        DeadLetterReplay.Result result = DeadLetterReplay.replay(kafka, endpoints.deadLetterTopic(), readAs, chosen,
                ContractRules.load(endpoints.catalogue()), dryRun);
        System.out.printf("%,d dead letters read, %,d %s to their source topics%n", result.read(), result.replayed(),
                dryRun ? "would be replayed" : "replayed");
        for (Map.Entry<String, Long> kept : result.keptByRule().entrySet()) {
            System.out.printf("  kept: %,d breaking %s%n", kept.getValue(), kept.getKey());
        }
        return 0;
    }
}
