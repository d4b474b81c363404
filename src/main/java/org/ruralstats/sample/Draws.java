package org.ruralstats.sample;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The random draws the plans share: weighted choices, household sizes with a fixed total, shuffles
 * and dates in a range. Each draws from the caller's stream, so the caller fixes their order.
 */
final class Draws {

  private Draws() {}

  /** Draws {@code n} household sizes (1–6) that sum to exactly {@code total}. */
  static int[] sizes(SplittableRandom r, int n, int total, double[] weights) {
    if (n <= 0 || total < n || total > 6 * n) {
      throw new IllegalArgumentException("cannot split " + total + " persons into " + n);
    }
    int[] s = new int[n];
    int sum = 0;
    for (int i = 0; i < n; i++) {
      s[i] = 1 + draw(weights, r);
      sum += s[i];
    }
    while (sum != total) {
      int i = r.nextInt(n);
      if (sum < total && s[i] < 6) {
        s[i]++;
        sum++;
      } else if (sum > total && s[i] > 1) {
        s[i]--;
        sum--;
      }
    }
    return s;
  }

  /** An index drawn with the given (not necessarily normalised) weights. */
  static int draw(double[] weights, SplittableRandom r) {
    double t = r.nextDouble();
    double sum = 0;
    for (double w : weights) {
      sum += w;
    }
    t *= sum;
    for (int i = 0; i < weights.length; i++) {
      t -= weights[i];
      if (t < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** An index drawn by cumulative weights ({@code total}: the last of them). */
  static int pick(double[] cumulative, double total, SplittableRandom r) {
    double t = r.nextDouble() * total;
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > t) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  static <T> void shuffle(List<T> list, SplittableRandom r) {
    for (int i = list.size() - 1; i > 0; i--) {
      int j = r.nextInt(i + 1);
      T t = list.get(i);
      list.set(i, list.get(j));
      list.set(j, t);
    }
  }

  static LocalDate between(LocalDate from, LocalDate to, SplittableRandom r) {
    long days = ChronoUnit.DAYS.between(from, to);
    return days <= 0 ? from : from.plusDays(r.nextLong(days + 1));
  }
}
