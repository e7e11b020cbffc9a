package eu.unify.keycloak.bench;

/**
 * Reads the CPU time a process has used from a line of {@code /proc/<pid>/stat} (proc(5)): fields 14 and 15, utime
 * and stime, in clock ticks. The second field (the command name) is in parentheses and may itself hold spaces and
 * parentheses, so fields are counted from the last ')'.
 */
public final class ProcStat {

    /** utime is field 14; after the last ')' the first field is 3 (state). */
    private static final int UTIME_AFTER_COMM = 14 - 3;
    private static final int STIME_AFTER_COMM = 15 - 3;

    private ProcStat() {
    }

    /** utime + stime of the process, in clock ticks. */
    public static long cpuTicks(String statLine) {
        int end = statLine.lastIndexOf(')');
        if (end < 0) {
            throw new IllegalArgumentException("Not a /proc/<pid>/stat line: no command name in parentheses");
        }
        String[] fields = statLine.substring(end + 1).trim().split("\\s+");
        if (fields.length <= STIME_AFTER_COMM) {
            throw new IllegalArgumentException("Not a /proc/<pid>/stat line: only " + fields.length
                    + " fields after the command name");
        }
        return Long.parseLong(fields[UTIME_AFTER_COMM]) + Long.parseLong(fields[STIME_AFTER_COMM]);
    }
}
