import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Two jars' code for one phase in one JVM, in chunks that alternate (A then B, then B then A), so that the
 * machine's drift, which on a shared 2-core machine moves whole builds by 20 %, falls on both alike. Prints the
 * totals (the chunks' thread CPU time) and the median and quartiles of the chunk pairs' ratios B/A. Run by bench/ab.sh.
 * Usage: Alternate CONTENT PHASE CHUNK TOTAL WARM CLASSES_A JAR_A CLASSES_B JAR_B
 */
public class Alternate {
    public static void main(String[] a) throws Exception {
        String phase = a[1];
        int chunk = Integer.parseInt(a[2]);
        int total = Integer.parseInt(a[3]);
        int warm = Integer.parseInt(a[4]);
        Method[] run = new Method[2];
        for (int k = 0; k < 2; k++) {
            URLClassLoader loader = new URLClassLoader(new URL[]{Path.of(a[5 + 2 * k]).toUri().toURL(),
                    Path.of(a[6 + 2 * k]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> phases = loader.loadClass("org.kaoping.site.Phases");
            phases.getMethod("prepare", String.class, String.class, String.class).invoke(null, a[0], "rubrics", phase);
            run[k] = phases.getMethod("chunk", int.class, int.class);
        }
        long[] sum = new long[2];
        List<Double> ratios = new ArrayList<>();
        for (int i = 0, n = 0; i < warm + total; i += chunk, n++) {
            long[] t = new long[2];
            for (int j = 0; j < 2; j++) {
                int k = n % 2 == 0 ? j : 1 - j;
                t[k] = (long) run[k].invoke(null, i, i + chunk);
            }
            if (i >= warm) {
                sum[0] += t[0];
                sum[1] += t[1];
                ratios.add((double) t[1] / t[0]);
            }
        }
        Collections.sort(ratios);
        System.out.printf("%s: A %.0f ms, B %.0f ms; B/A median %.3f (quartiles %.3f-%.3f) over %d pairs%n", phase,
                sum[0] / 1e6, sum[1] / 1e6, ratios.get(ratios.size() / 2), ratios.get(ratios.size() / 4),
                ratios.get(3 * ratios.size() / 4), ratios.size());
    }
}
