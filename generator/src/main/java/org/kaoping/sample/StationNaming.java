package org.kaoping.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Unique, plausible township names for sample stations (张店司法所, 石桥铺司法所 …): a first character and a
 * place-name ending, then a first, a middle character and an ending once the two-character names run out.
 * The seed shuffles which names come first; a name never repeats, so every name resolves to one station.
 */
final class StationNaming {
    private static final String FIRST = "东西南北安平和新兴高张王李赵马刘杨陈黄周吴徐孙朱胡郭何林罗梁宋郑谢韩唐冯于董程曹袁邓许"
            + "沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹"
            + "黎常武乔贺龚文";
    private static final String MIDDLE = "家官庄阳山水龙凤花青云泉柳松竹桃杏枣槐榆桑梅兰清明丰乐永长春德福寿顺康宁泰昌"
            + "盛隆兆文武";
    private static final String ENDING = "店集庄营寺桥镇湾坡岭沟河口坪铺屯堡塘园岗楼台坊关城街岩坝峪川洼滩渡头寨岔垭坎";
    private static final int TWO = FIRST.length() * ENDING.length();
    static final int CAPACITY = TWO + FIRST.length() * MIDDLE.length() * ENDING.length();

    private StationNaming() {
    }

    static List<SampleContent.SampleStation> stations(int count, long seed) {
        String ending = ENDING;
        int[] order = shuffled(TWO, seed);
        int three = CAPACITY - TWO;
        // A stride coprime with the three-character space visits it without repeats, spread across first characters.
        long stride = 7_919L;
        while (gcd(stride, three) != 1) {
            stride += 2;
        }
        List<SampleContent.SampleStation> out = new ArrayList<>(count);
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            String shortName;
            if (i < TWO) {
                int k = order[i];
                shortName = "" + FIRST.charAt(k / ending.length()) + ending.charAt(k % ending.length());
            } else {
                int k = (int) (((i - TWO) * stride) % three);
                int e = k % ending.length();
                int m = (k / ending.length()) % MIDDLE.length();
                int f = k / (ending.length() * MIDDLE.length());
                shortName = "" + FIRST.charAt(f) + MIDDLE.charAt(m) + ending.charAt(e);
            }
            String id = String.format("s%05d", i + 1);
            out.add(new SampleContent.SampleStation(id, shortName + "司法所", shortName,
                    random.nextInt(3) == 0 ? "large" : "small"));
        }
        return out;
    }

    private static int[] shuffled(int n, long seed) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
