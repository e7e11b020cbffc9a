package eu.unify.keycloak.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order of the suite's test classes (set in junit-platform.properties): as Failsafe hands them over, except that
 * the cluster classes (package {@code eu.unify.keycloak.it.cluster}) run after the single-server classes, so that the
 * cluster's nodes, which stay up until the run ends, do not take CPU from them; and classes marked {@link Last} run
 * after all others. The secret scan is one: it must see what every other class left.
 */
public final class SuiteOrder implements ClassOrderer {

    /** Runs after every class without it. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    public @interface Last {
    }

    @Override
    public void orderClasses(ClassOrdererContext context) {
        // A stable sort: the other classes keep their order.
        context.getClassDescriptors().sort(Comparator.comparingInt(descriptor -> descriptor.isAnnotated(Last.class) ? 2
                : descriptor.getTestClass().getPackageName().endsWith(".cluster") ? 1 : 0));
    }
}
