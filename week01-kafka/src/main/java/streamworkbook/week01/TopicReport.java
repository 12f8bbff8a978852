package streamworkbook.week01;

/**
 * One topic as the cluster describes it.
 *
 * @param name              the topic name
 * @param created           true when this call created it; false when it already existed
 * @param partitions        how many partitions it has
 * @param replicationFactor how many replicas each partition has
 */
public record TopicReport(String name, boolean created, int partitions, int replicationFactor) {
}
