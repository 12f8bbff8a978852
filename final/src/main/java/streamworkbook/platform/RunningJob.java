package streamworkbook.platform;

/** The platform job while it runs, in this JVM or on a cluster: its state, and a way to stop it. */
interface RunningJob extends AutoCloseable {

    /** CREATED, RUNNING, RESTARTING, FINISHED… */
    String state();

    /** Each task's input watermark, per subtask ({@link JobWatermarks}). */
    String watermarks();

    /** Cancels the job (and, in-process, the local cluster with it). */
    @Override
    void close();
}
