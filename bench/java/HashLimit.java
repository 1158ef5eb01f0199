import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;

import java.util.Arrays;

/**
 * Times Argon2id in-process, through the same library and native code as the service's PasswordHasher:
 * the median of N hashes at the service's parameters and at Keycloak's defaults, and the median of N
 * verifications at the service's parameters (what one login costs), and the hashes per second with every core
 * hashing at once (the cores then share caches and memory bandwidth). Also prints one PHC hash of the
 * given password, which bench/run seeds into the database for every generated user.
 *
 * Run by bench/run as a single-file program: java -cp CLASSPATH HashLimit.java [N] [PASSWORD]
 * Prints key=value lines.
 */
public class HashLimit {

    static final int SERVICE_M = 19456, SERVICE_T = 2, SERVICE_P = 1;
    static final int KEYCLOAK_M = 7168, KEYCLOAK_T = 5, KEYCLOAK_P = 1;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String password = args.length > 1 ? args[1] : "correct horse battery";
        Argon2 argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id);

        double[] service = time(n, () -> argon2.hash(SERVICE_T, SERVICE_M, SERVICE_P, "a benchmark password".toCharArray()));
        String stored = argon2.hash(SERVICE_T, SERVICE_M, SERVICE_P, "a benchmark password".toCharArray());
        double[] verify = time(n, () -> {
            if (!argon2.verify(stored, "a benchmark password".toCharArray())) {
                throw new IllegalStateException("verification failed");
            }
        });
        double[] keycloak = time(n, () -> argon2.hash(KEYCLOAK_T, KEYCLOAK_M, KEYCLOAK_P, "a benchmark password".toCharArray()));

        // every core hashing at once, as in the server under load: the cores share caches and memory bandwidth
        int cores = Runtime.getRuntime().availableProcessors();
        double parallelPerSecond = parallel(cores, n, () -> argon2.hash(SERVICE_T, SERVICE_M, SERVICE_P, "a benchmark password".toCharArray()));

        System.out.println("samples=" + n);
        System.out.printf("service_parallel_hashes_per_s=%.1f%nservice_parallel_threads=%d%n", parallelPerSecond, cores);
        print("service_hash", service);
        print("service_verify", verify);
        print("keycloak_hash", keycloak);
        System.out.println("seed_hash=" + argon2.hash(SERVICE_T, SERVICE_M, SERVICE_P, password.toCharArray()));
    }

    /** Sorted wall-clock milliseconds of n runs, after 3 unmeasured ones (native library load, page faults). */
    static double[] time(int n, Runnable op) {
        for (int i = 0; i < 3; i++) {
            op.run();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long start = System.nanoTime();
            op.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    /** Hashes per second with {@code threads} threads each running n hashes (after 2 unmeasured ones). */
    static double parallel(int threads, int n, Runnable op) {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads + 1);
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                op.run();
                op.run();
                await(start);
                for (int i = 0; i < n; i++) {
                    op.run();
                }
            });
            workers[t].start();
        }
        await(start);
        long begin = System.nanoTime();
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        return threads * n / ((System.nanoTime() - begin) / 1e9);
    }

    static void await(java.util.concurrent.CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void print(String key, double[] sorted) {
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        System.out.printf("%s_median_ms=%.3f%n%s_min_ms=%.3f%n%s_max_ms=%.3f%n",
                key, median, key, sorted[0], key, sorted[n - 1]);
    }
}
