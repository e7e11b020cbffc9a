package eu.unify.keycloak.bench;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Runs scenarios side by side against one server: set up all, warm up all, then rounds of one measured batch per
 * scenario (stock, unify, stock, unify, ...; the order rotates every round), so that background load on the machine
 * falls on all of them alike. For each batch: prepare (not measured), read the server's CPU time, run the steps on
 * a small fixed pool of workers, read the CPU time again. Stops after the configured rounds or the wall time.
 */
public final class LoadDriver {

    private final BenchSettings settings;
    private final CpuSampler cpu;
    private final PrintStream out;

    public LoadDriver(BenchSettings settings, CpuSampler cpu, PrintStream out) {
        this.settings = settings;
        this.cpu = cpu;
        this.out = out;
    }

    public List<ScenarioResult> run(List<Scenario> scenarios, BenchContext context) throws Exception {
        Instant deadline = Instant.now().plus(settings.maxWallTime());
        Map<Scenario, ScenarioResult> results = new LinkedHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency(), runnable -> {
            Thread thread = new Thread(runnable, "bench-worker");
            thread.setDaemon(true);
            return thread;
        });
        List<Scenario> setUp = new ArrayList<>();
        try {
            for (Scenario scenario : scenarios) {
                out.println("[bench] setting up " + scenario.name());
                setUp.add(scenario);
                scenario.setup(context.forScenario(settings.plannedSteps(scenario.batchScale())));
                results.put(scenario, new ScenarioResult(scenario.name(), scenario.baseline(),
                        scenario.stepDescription()));
            }
            for (Scenario scenario : scenarios) {
                int steps = settings.warmupSteps() * scenario.batchScale();
                if (steps > 0) {
                    out.println("[bench] warming up " + scenario.name() + " (" + steps + " steps)");
                    context.mailbox().purge();
                    scenario.prepare(steps);
                    batch(scenario, steps, workers);
                }
            }
            for (int round = 0; round < settings.rounds() && Instant.now().isBefore(deadline); round++) {
                // Each batch's CPU per step, in table order: shows drift over the run (load, growing data).
                Map<String, String> roundCpu = new LinkedHashMap<>();
                scenarios.forEach(s -> roundCpu.put(s.name(), ""));
                for (int i = 0; i < scenarios.size(); i++) {
                    Scenario scenario = scenarios.get((i + round) % scenarios.size());
                    int steps = settings.batchSteps() * scenario.batchScale();
                    context.mailbox().purge();
                    scenario.prepare(steps);
                    long before = cpu.cpuNanos();
                    long[] latencies = batch(scenario, steps, workers);
                    long after = cpu.cpuNanos();
                    results.get(scenario).addBatch(after - before, latencies);
                    roundCpu.put(scenario.name(), String.format(Locale.ROOT, "%.2f", (after - before) / 1e6 / steps));
                }
                out.println("[bench] round " + (round + 1) + " of " + settings.rounds() + ", CPU ms/step: "
                        + roundCpu.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
            }
            if (!Instant.now().isBefore(deadline)) {
                out.println("[bench] wall time of " + settings.maxWallTime().toMinutes() + " min reached; reporting"
                        + " the rounds that finished");
            }
            for (Scenario scenario : scenarios) {
                List<String> report;
                try {
                    report = scenario.verify(context);
                } catch (Exception e) {
                    throw new BenchFailure("Scenario " + scenario.name() + " failed its check after the run: "
                            + e.getMessage(), e);
                }
                report.forEach(line -> out.println("[bench] " + scenario.name() + ": " + line));
                results.get(scenario).addReport(report);
            }
        } finally {
            workers.shutdownNow();
            for (Scenario scenario : setUp) {
                try {
                    scenario.teardown(context);
                } catch (Exception e) {
                    out.println("[bench] WARNING: teardown of " + scenario.name() + " failed: " + e);
                }
            }
        }
        return new ArrayList<>(results.values());
    }

    /** Runs {@code steps} steps on the workers; each step's latency in nanoseconds. Fails on the first failed step. */
    private long[] batch(Scenario scenario, int steps, ExecutorService workers) throws Exception {
        long[] latencies = new long[steps];
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < settings.concurrency(); w++) {
            int worker = w;
            running.add(workers.submit(() -> {
                for (int step = next.getAndIncrement(); step < steps; step = next.getAndIncrement()) {
                    long started = System.nanoTime();
                    scenario.step(worker);
                    latencies[step] = System.nanoTime() - started;
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : running) {
                future.get();
            }
        } catch (ExecutionException e) {
            running.forEach(future -> future.cancel(true));
            throw new BenchFailure("Scenario " + scenario.name() + " failed a step: " + e.getCause(), e.getCause());
        }
        return latencies;
    }

    /** A step did not do what the scenario expects: the run stops, since its numbers would be meaningless. */
    public static final class BenchFailure extends Exception {
        private static final long serialVersionUID = 1L;

        BenchFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
