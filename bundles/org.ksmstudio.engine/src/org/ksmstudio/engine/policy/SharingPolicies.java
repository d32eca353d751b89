package org.ksmstudio.engine.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/** Finds sharing policies by name: the built-in ones, then those registered with {@link ServiceLoader}. */
public final class SharingPolicies {
    /** factories of policies contributed outside ServiceLoader (the Eclipse extension point) */
    private static final List<Supplier<? extends SharingPolicy>> CONTRIBUTED = new CopyOnWriteArrayList<>();

    private SharingPolicies() {
    }

    /**
     * Adds a policy found elsewhere than through {@link ServiceLoader}, e.g. contributed to the Eclipse
     * extension point {@code org.ksmstudio.core.policies}; {@code factory} makes a new instance per call.
     */
    public static void register(Supplier<? extends SharingPolicy> factory) {
        CONTRIBUTED.add(factory);
    }

    /** Every known policy, built-in first. */
    public static List<SharingPolicy> all() {
        List<SharingPolicy> list = new ArrayList<>(List.of(new StockPolicy(), new NoLimitPolicy(), new Kernel2016Policy()));
        for (SharingPolicy p : ServiceLoader.load(SharingPolicy.class, SharingPolicies.class.getClassLoader())) {
            list.add(p);
        }
        for (Supplier<? extends SharingPolicy> f : CONTRIBUTED) {
            SharingPolicy p = f.get();
            if (list.stream().noneMatch(q -> q.name().equals(p.name()))) {
                list.add(p);
            }
        }
        return list;
    }

    /**
     * The policy named {@code name}, which may carry parameters as in {@code "resched:every=8"} (see
     * {@link PolicyParameters}); throws IllegalArgumentException naming the known ones.
     */
    public static SharingPolicy byName(String name) {
        List<String> names = new ArrayList<>();
        String base = PolicyParameters.baseName(name);
        for (SharingPolicy p : all()) {
            if (p.name().equals(base)) {
                return PolicyParameters.configure(p, name);
            }
            names.add(p.name());
        }
        throw new IllegalArgumentException("policy = " + name + ": unknown sharing policy (known: " + names + ")");
    }
}
