package io.github.accounts.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/** The same request from several threads at once (released together by a latch), for races on the service. */
public final class Together {

    private Together() {
    }

    /** The answers of {@code times} concurrent calls of {@code call}. */
    public static <T> List<T> run(int times, Callable<T> call) throws InterruptedException, ExecutionException {
        return all(Collections.nCopies(times, call));
    }

    /** The answers of {@code times} concurrent calls, call {@code i} made by {@code call.apply(i)}, in their order. */
    public static <T> List<T> each(int times, IntFunction<T> call) throws InterruptedException, ExecutionException {
        return all(IntStream.range(0, times).<Callable<T>>mapToObj(i -> () -> call.apply(i)).toList());
    }

    /** The answers of {@code calls}, made concurrently, in their order. */
    public static <T> List<T> all(List<Callable<T>> calls) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try {
            for (Callable<T> call : calls) {
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
