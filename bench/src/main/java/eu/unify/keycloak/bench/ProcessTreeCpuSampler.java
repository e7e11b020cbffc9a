package eu.unify.keycloak.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The server's CPU time from {@code /proc/<pid>/stat} of every process in its tree (kc.sh and the Keycloak JVM), so it
 * does not matter which of them runs Java. Linux only. The kernel counts in clock ticks (usually 100 per second,
 * i.e. 10 ms): a batch reads at most one tick off at either end, which averages out over the batches of a run.
 */
public final class ProcessTreeCpuSampler implements CpuSampler {

    private final Supplier<List<ProcessHandle>> processes;
    private final long nanosPerTick;

    public ProcessTreeCpuSampler(Supplier<List<ProcessHandle>> processes, long ticksPerSecond) {
        this.processes = processes;
        this.nanosPerTick = 1_000_000_000L / ticksPerSecond;
    }

    @Override
    public long cpuNanos() throws IOException {
        long ticks = 0;
        for (ProcessHandle process : processes.get()) {
            try {
                ticks += ProcStat.cpuTicks(Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat")));
            } catch (NoSuchFileException exited) {
                // A process of the tree that has just ended (kc.sh's build step): it no longer uses CPU.
            }
        }
        return ticks * nanosPerTick;
    }

    /** The kernel's USER_HZ from {@code getconf CLK_TCK}; 100, the value on every common Linux, if that fails. */
    public static long clockTicksPerSecond() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor() == 0 && out.matches("\\d+")) {
                return Long.parseLong(out);
            }
        } catch (IOException e) {
            // Fall through to the common value.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
