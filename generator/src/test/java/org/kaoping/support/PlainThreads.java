package org.kaoping.support;

import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.FutureTask;

/**
 * Runs every test, test factory and lifecycle method on a plain thread of its own instead of JUnit's fork-join
 * worker (registered for the whole run: META-INF/services, junit-platform.properties).
 * <p>
 * Why: the code under test runs parallel streams (loading, checking, the site model, `sample`). Started on a
 * fork-join worker, a parallel stream runs in that worker's pool, not the common pool as it does in the jar; JUnit's
 * pool is held to two threads (junit-platform.properties), and with one worker blocked on an exclusive class, the
 * other waited for ever on its stream's subtasks (a fresh clone's run hung in SampleContentTest, 2 December). On a
 * plain thread the stream uses the common pool, as in production; the JUnit worker waits on a FutureTask, which the
 * pool does not compensate for, so two classes still run at a time.
 */
public final class PlainThreads implements InvocationInterceptor {
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                    ExtensionContext context) throws Throwable {
        onPlainThread(invocation);
    }

    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        return onPlainThread(invocation);
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                            ExtensionContext context) throws Throwable {
        onPlainThread(invocation);
    }

    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext call,
                                     ExtensionContext context) throws Throwable {
        onPlainThread(invocation);
    }

    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                         ExtensionContext context) throws Throwable {
        onPlainThread(invocation);
    }

    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                          ExtensionContext context) throws Throwable {
        onPlainThread(invocation);
    }

    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                         ExtensionContext context) throws Throwable {
        onPlainThread(invocation);
    }

    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
                                        ExtensionContext context) throws Throwable {
        onPlainThread(invocation);
    }

    @Override
    public <T> T interceptTestClassConstructor(Invocation<T> invocation, ReflectiveInvocationContext<Constructor<T>> call,
                                               ExtensionContext context) throws Throwable {
        return onPlainThread(invocation);
    }

    /** The invocation's result, computed on a new plain thread when this one is a fork-join worker. */
    static <T> T onPlainThread(Invocation<T> invocation) throws Throwable {
        if (!(Thread.currentThread() instanceof ForkJoinWorkerThread)) {
            return invocation.proceed();
        }
        FutureTask<T> task = new FutureTask<>(() -> {
            try {
                return invocation.proceed();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new ExecutionException(t);
            }
        });
        Thread body = new Thread(task, Thread.currentThread().getName() + "-test");
        body.start();
        try {
            return task.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof ExecutionException wrapped && wrapped.getCause() != null ? wrapped.getCause() : cause;
        }
    }
}
