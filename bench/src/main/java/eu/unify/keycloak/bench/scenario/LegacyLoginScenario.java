package eu.unify.keycloak.bench.scenario;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.node.ObjectNode;

import eu.unify.keycloak.bench.BenchContext;
import eu.unify.keycloak.bench.BenchRealm;
import eu.unify.keycloak.bench.Scenario;

/**
 * Logins through the {@code unify-legacy} user federation, against {@code stock-light-login}: the same browser login,
 * the same one-iteration password policy, in a realm with the federation over a MariaDB legacy store. Three kinds,
 * one per registered subclass:
 * <ul>
 *   <li>{@link Kind#FIRST}: every step signs in a legacy account never seen before: the legacy lookup, the check of
 *       its legacy hash and the import of the account;</li>
 *   <li>{@link Kind#LINKED}: an imported account still linked to the legacy store (each worker's own, imported
 *       during setup): every login checks the password against the legacy store again;</li>
 *   <li>{@link Kind#MOVED}: an account after the move: a local Keycloak user with its email as username, the
 *       {@code legacy_username} attribute and no federation link, in a realm that still has the federation.</li>
 * </ul>
 */
public abstract class LegacyLoginScenario implements Scenario {

    enum Kind { FIRST, LINKED, MOVED }

    private final Kind kind;
    private final String name;
    private final AtomicInteger nextAccount = new AtomicInteger();
    private LegacyBenchStore store;
    private BenchContext context;
    private URI realmUrl;

    LegacyLoginScenario(Kind kind) {
        this.kind = kind;
        this.name = "unify-legacy-" + kind.name().toLowerCase(Locale.ROOT) + "-login";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Optional<String> baseline() {
        return Optional.of(StockLightLoginScenario.NAME);
    }

    @Override
    public String stepDescription() {
        return switch (kind) {
            case FIRST -> "first login of a legacy account: legacy lookup, salted SHA-256 check, import (4 requests)";
            case LINKED -> "login of an imported account still linked: password checked in the legacy store (4 requests)";
            case MOVED -> "login after the move: local user (email as username), federation still configured (4 requests)";
        };
    }

    @Override
    public void setup(BenchContext context) throws Exception {
        this.context = context;
        store = new LegacyBenchStore(name);
        store.recreate();
        // FIRST uses one account per step; the others one per worker.
        int accounts = kind == Kind.FIRST ? context.plannedSteps() + context.concurrency() : context.concurrency();
        store.insertAccounts(prefix(), accounts);

        BenchRealm realm = BenchRealm.create(context.admin().json(), "bench-" + name, context.smtpPort());
        BenchRealm.lightPasswordHash(realm);
        if (kind == Kind.MOVED) {
            for (int w = 0; w < context.concurrency(); w++) {
                String email = BenchRealm.email(legacyUsername(w));
                ObjectNode user = realm.addUser(email, true).put("email", email);
                user.putObject("attributes").putArray("legacy_username").add(legacyUsername(w));
            }
        }
        context.admin().deleteRealmIfExists(realm.name());
        context.admin().createRealm(realm.representation());
        store.addFederation(context.admin(), realm.name());
        realmUrl = context.realmUrl(realm.name());
        if (kind == Kind.LINKED) {
            for (int w = 0; w < context.concurrency(); w++) {
                StockLoginScenario.login(context, realmUrl, legacyUsername(w));
            }
        }
    }

    @Override
    public void step(int worker) throws Exception {
        String username = switch (kind) {
            case FIRST -> prefix() + nextAccount.getAndIncrement();
            case LINKED -> legacyUsername(worker);
            case MOVED -> BenchRealm.email(legacyUsername(worker));
        };
        StockLoginScenario.login(context, realmUrl, username);
    }

    @Override
    public void teardown(BenchContext context) throws Exception {
        context.admin().deleteRealmIfExists("bench-" + name);
        if (store != null) {
            store.drop();
        }
    }

    private String prefix() {
        return kind.name().toLowerCase(Locale.ROOT) + "-";
    }

    private String legacyUsername(int worker) {
        return prefix() + worker;
    }

    /** {@code unify-legacy-first-login}. */
    public static final class First extends LegacyLoginScenario {
        public First() {
            super(Kind.FIRST);
        }
    }

    /** {@code unify-legacy-linked-login}. */
    public static final class Linked extends LegacyLoginScenario {
        public Linked() {
            super(Kind.LINKED);
        }
    }

    /** {@code unify-legacy-moved-login}. */
    public static final class Moved extends LegacyLoginScenario {
        public Moved() {
            super(Kind.MOVED);
        }
    }
}
