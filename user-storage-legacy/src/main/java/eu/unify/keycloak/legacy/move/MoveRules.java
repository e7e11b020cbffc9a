package eu.unify.keycloak.legacy.move;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The checks of a submitted move form, before anything changes: every account needs a valid address, unique in the
 * form and in the realm (compared after NFKC normalisation, ignoring case); the main account needs a real address of
 * its own, not a plus-address of another account or of someone else; a sub-account's plus-address must be a variant of
 * the main account's (or of another account of the form), never of someone else's mailbox. Pure logic: the realm is
 * asked through {@code takenOutsideMove}, which says whether an address belongs to a user who is not part of this
 * move.
 */
public final class MoveRules {

    public static final String REQUIRED = "unify-legacy-move-error-required";
    public static final String INVALID = "unify-legacy-move-error-invalid";
    public static final String DUPLICATE = "unify-legacy-move-error-duplicate";
    public static final String TAKEN = "unify-legacy-move-error-taken";
    public static final String MAIN_PLUS_ADDRESS = "unify-legacy-move-error-main-plus";
    public static final String FOREIGN_PLUS_ADDRESS = "unify-legacy-move-error-foreign-plus";

    private MoveRules() {
    }

    /**
     * The message key of the problem of each entry with one (by its index in {@code entries}); empty when the form
     * can be applied as it is.
     */
    public static Map<Integer, String> check(List<MoveEntry> entries, Predicate<String> takenOutsideMove) {
        Map<Integer, String> problems = new LinkedHashMap<>();
        Map<String, Integer> firstUse = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String email = entries.get(i).email();
            if (email.isEmpty()) {
                problems.put(i, REQUIRED);
            } else if (!MoveAddress.isValid(email)) {
                problems.put(i, INVALID);
            } else if (firstUse.putIfAbsent(email, i) != null) {
                problems.put(i, DUPLICATE);
            }
        }
        String mainEmail = entries.stream().filter(MoveEntry::main).findFirst().map(MoveEntry::email).orElse("");
        for (int i = 0; i < entries.size(); i++) {
            if (problems.containsKey(i)) {
                continue;
            }
            MoveEntry entry = entries.get(i);
            String email = entry.email();
            if (takenOutsideMove.test(email)) {
                problems.put(i, TAKEN);
                continue;
            }
            Optional<String> base = MoveAddress.plusBase(email);
            if (base.isEmpty()) {
                continue;
            }
            boolean baseInForm = firstUse.containsKey(base.get());
            if (entry.main() && (baseInForm || takenOutsideMove.test(base.get()))) {
                // The main account is the company's contact: a variant of another mailbox is not its own address.
                problems.put(i, MAIN_PLUS_ADDRESS);
            } else if (!entry.main() && !base.get().equals(mainEmail) && !baseInForm
                    && takenOutsideMove.test(base.get())) {
                problems.put(i, FOREIGN_PLUS_ADDRESS);
            }
        }
        return problems;
    }
}
