package eu.unify.keycloak.legacy.move;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The waves an admin enabled for the move, each with an optional deadline. An entry is {@code <wave>} or
 * {@code <wave>=<deadline>}; the deadline is an ISO date (the move is mandatory from the start of the next day,
 * UTC) or an ISO instant (mandatory from that instant). Waves compare by their trimmed text, ignoring case. Entries
 * that cannot be read enable nothing (and are named by {@link #problems()} in the console's connection test).
 */
public final class WaveSchedule {

    /** Where the move stands for one account's wave at one moment. */
    public enum Status {
        /** The wave is not enabled: the account signs in as before and sees nothing. */
        NOT_ENABLED,
        /** Enabled, before its deadline (or without one): the main account may choose "later". */
        OPTIONAL,
        /** Enabled and past its deadline: the move must be made now. */
        MANDATORY
    }

    /**
     * One enabled wave. {@code mandatoryFrom} is empty without a deadline; {@code lastOptionalDay} is the last day
     * (UTC) on which "later" is still possible, for display.
     */
    public record Wave(String name, Optional<Instant> mandatoryFrom, Optional<LocalDate> lastOptionalDay) {
    }

    private final Map<String, Wave> waves;
    private final List<String> problems;

    private WaveSchedule(Map<String, Wave> waves, List<String> problems) {
        this.waves = waves;
        this.problems = problems;
    }

    /** Reads the entries; a value may also hold several entries separated by {@code ##}, new lines, commas or semicolons. */
    public static WaveSchedule parse(Collection<String> values) {
        Map<String, Wave> waves = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value == null) {
                    continue;
                }
                for (String entry : value.split("##|[\\r\\n,;]+")) {
                    read(entry.trim(), waves, problems);
                }
            }
        }
        return new WaveSchedule(Map.copyOf(waves), List.copyOf(problems));
    }

    private static void read(String entry, Map<String, Wave> waves, List<String> problems) {
        if (entry.isEmpty()) {
            return;
        }
        int equals = entry.indexOf('=');
        String name = (equals < 0 ? entry : entry.substring(0, equals)).trim();
        if (name.isEmpty()) {
            problems.add("'" + entry + "' names no wave");
            return;
        }
        Wave wave;
        if (equals < 0) {
            wave = new Wave(name, Optional.empty(), Optional.empty());
        } else {
            String deadline = entry.substring(equals + 1).trim();
            Optional<Wave> parsed = withDeadline(name, deadline);
            if (parsed.isEmpty()) {
                problems.add("wave '" + name + "': '" + deadline + "' is neither an ISO date (2026-03-31) nor an ISO "
                        + "instant (2026-03-31T16:00:00Z)");
                return;
            }
            wave = parsed.get();
        }
        if (waves.putIfAbsent(key(name), wave) != null) {
            problems.add("wave '" + name + "' is listed twice; the first entry counts");
        }
    }

    private static Optional<Wave> withDeadline(String name, String deadline) {
        try {
            LocalDate day = LocalDate.parse(deadline);
            return Optional.of(new Wave(name, Optional.of(day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()),
                    Optional.of(day)));
        } catch (DateTimeException notADate) {
            // an instant, then
        }
        Instant instant;
        try {
            instant = Instant.parse(deadline);
        } catch (DateTimeException notAnInstant) {
            try {
                instant = OffsetDateTime.parse(deadline).toInstant();
            } catch (DateTimeException neither) {
                return Optional.empty();
            }
        }
        LocalDate lastDay = instant.minusNanos(1).atOffset(ZoneOffset.UTC).toLocalDate();
        return Optional.of(new Wave(name, Optional.of(instant), Optional.of(lastDay)));
    }

    private static String key(String wave) {
        return wave.trim().toLowerCase(Locale.ROOT);
    }

    /** The enabled wave an account's {@code wave} value names, if any. */
    public Optional<Wave> wave(String wave) {
        return wave == null || wave.isBlank() ? Optional.empty() : Optional.ofNullable(waves.get(key(wave)));
    }

    public Status status(String wave, Instant now) {
        return wave(wave).map(w -> w.mandatoryFrom().isPresent() && !now.isBefore(w.mandatoryFrom().get())
                ? Status.MANDATORY : Status.OPTIONAL).orElse(Status.NOT_ENABLED);
    }

    /** Whether any wave is enabled at all (nothing to check at sign-in otherwise). */
    public boolean isEmpty() {
        return waves.isEmpty();
    }

    /** What is wrong with the entries, in words for the admin; empty when all were read. */
    public List<String> problems() {
        return problems;
    }
}
