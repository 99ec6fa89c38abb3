package org.kaoping.render;

import java.util.Arrays;

/** Length-limited Huffman codes for deflate's blocks ({@link RowDeflater}): code lengths, then canonical codes. */
final class HuffmanCode {
    private HuffmanCode() {
    }

    /**
     * The code length of each symbol for these frequencies, none over {@code maxBits}; a symbol never used gets
     * none. At least two symbols get a code (deflate's readers expect a code that is not a single bit of nothing).
     * Over the limit, the frequencies are halved (a used symbol stays used) and the tree built again: the lengths
     * stay a complete prefix code, a little less tight than package-merge's.
     */
    static void lengths(int[] frequencies, int maxBits, int[] bits) {
        int[] f = frequencies.clone();
        int used = 0;
        for (int v : f) {
            used += v > 0 ? 1 : 0;
        }
        for (int i = 0; used < 2 && i < f.length; i++) {
            if (f[i] == 0) {
                f[i] = 1;
                used++;
            }
        }
        if (used > 1 << maxBits) {
            throw new IllegalArgumentException(used + " symbols cannot have codes of at most " + maxBits + " bits");
        }
        while (build(f, bits) > maxBits) {
            for (int i = 0; i < f.length; i++) {
                if (f[i] > 0) {
                    f[i] = (f[i] >> 1) | 1;
                }
            }
        }
    }

    /** Huffman's tree by two queues (leaves by frequency, then joined nodes); returns the longest code. */
    private static int build(int[] f, int[] bits) {
        Arrays.fill(bits, 0);
        long[] keys = new long[f.length];
        int m = 0;
        for (int s = 0; s < f.length; s++) {
            if (f[s] > 0) {
                keys[m++] = (long) f[s] << 16 | s;
            }
        }
        Arrays.sort(keys, 0, m);
        long[] weight = new long[2 * m];
        int[] parent = new int[2 * m];
        for (int i = 0; i < m; i++) {
            weight[i] = keys[i] >>> 16;
        }
        int leaf = 0;
        int node = m;
        for (int next = m; next < 2 * m - 1; next++) {
            int a = leaf < m && (node >= next || weight[leaf] <= weight[node]) ? leaf++ : node++;
            int b = leaf < m && (node >= next || weight[leaf] <= weight[node]) ? leaf++ : node++;
            weight[next] = weight[a] + weight[b];
            parent[a] = next;
            parent[b] = next;
        }
        int[] depth = new int[2 * m];
        int longest = 0;
        for (int k = 2 * m - 3; k >= 0; k--) {
            depth[k] = depth[parent[k]] + 1;
        }
        for (int i = 0; i < m; i++) {
            bits[(int) (keys[i] & 0xffff)] = depth[i];
            longest = Math.max(longest, depth[i]);
        }
        return longest;
    }

    /** The canonical code of each symbol (RFC 1951, 3.2.2), bit-reversed, as deflate writes codes. */
    static void codes(int[] bits, int[] codes) {
        int[] count = new int[16];
        for (int b : bits) {
            count[b]++;
        }
        count[0] = 0;
        int[] next = new int[16];
        int code = 0;
        for (int b = 1; b < 16; b++) {
            code = (code + count[b - 1]) << 1;
            next[b] = code;
        }
        for (int s = 0; s < bits.length; s++) {
            int len = bits[s];
            codes[s] = len == 0 ? 0 : Integer.reverse(next[len]++) >>> (32 - len);
        }
    }
}
