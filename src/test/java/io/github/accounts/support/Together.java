package io.github.accounts.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The same request from several threads at once (released together by a latch), for races on the service. */
public final class Together {

    private Together() {
    }

    /** The answers of {@code times} concurrent calls of {@code call}, in the order the calls were made. */
    public static <T> List<T> run(int times, Callable<T> call) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(times);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < times; i++) {
                futures.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
