package streamworkbook.week07;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks every record before it is sent. A valid event that breaks its contract is a bug in the generator: it is
 * refused, never sent. A record broken on purpose is sent only if it breaks its contract in exactly the way it
 * was meant to (the field and rule of its {@link Corruption}); so nothing invalid goes out silently.
 */
public final class ContractGate {

    public enum Verdict { SEND, SEND_BROKEN_ON_PURPOSE, REFUSE }

    /** The verdict on one record, with the violations found. */
    public record Decision(Verdict verdict, List<Violation> violations) {
    }

    private final ContractCheck contracts;
    private final CatalogueCheck catalogue;

    public ContractGate(ContractCheck contracts, CatalogueCheck catalogue) {
        this.contracts = contracts;
        this.catalogue = catalogue;
    }

    public Decision admit(GeneratedRecord record) {
        List<Violation> violations = new ArrayList<>(contracts.check(record.value()));
        violations.addAll(catalogue.check(record.value()));
        if (record.kind() != GeneratedRecord.Kind.INVALID) {
            return new Decision(violations.isEmpty() ? Verdict.SEND : Verdict.REFUSE, violations);
        }
        Corruption c = record.corruption();
        boolean asMeant = violations.stream().anyMatch(v -> v.field().equals(c.field()) && v.rule().equals(c.rule()));
        return new Decision(asMeant ? Verdict.SEND_BROKEN_ON_PURPOSE : Verdict.REFUSE, violations);
    }
}
