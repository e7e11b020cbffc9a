package eu.unify.keycloak.entitlements.model;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * One company's part of a member's services or customer numbers. A company admin sees and changes only what their
 * company holds; what another company of the same member holds too is shared: either company's admin may grant it,
 * neither takes it away alone, and it stays when the member leaves one of them (a role mapping or a stored number
 * does not say which company gave it).
 *
 * @param ownHeld what the caller's company holds
 * @param othersHeld what the member's other companies hold together
 */
public record CompanySlice(Set<String> ownHeld, Set<String> othersHeld) {

    public CompanySlice {
        ownHeld = Set.copyOf(ownHeld);
        othersHeld = Set.copyOf(othersHeld);
    }

    /** The member's items the caller's company may see, in the member's order. */
    public List<String> visible(Collection<String> memberItems) {
        return memberItems.stream().filter(ownHeld::contains).toList();
    }

    /** Whether another of the member's companies holds this item too. */
    public boolean shared(String item) {
        return othersHeld.contains(item);
    }

    /** What ending the membership in the caller's company takes away: the company's items no other company holds. */
    public List<String> leaving(Collection<String> memberItems) {
        return memberItems.stream().filter(item -> ownHeld.contains(item) && !othersHeld.contains(item)).toList();
    }
}
