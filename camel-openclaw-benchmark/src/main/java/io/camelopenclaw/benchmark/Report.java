package io.camelopenclaw.benchmark;

import java.util.Locale;

/** How the benchmark prints: section headings and the formats of its numbers and texts. */
final class Report {

    private Report() {}

    static void section(String title) {
        System.out.println();
        System.out.println("== " + title);
    }

    /** Microseconds as milliseconds with two decimals. */
    static String ms(int micros) {
        return String.format(Locale.ROOT, "%.2f ms", micros / 1000.0);
    }

    /** The text itself up to 80 characters, else its start and end. */
    static String abbreviate(String s) {
        return s == null ? null : s.length() <= 80 ? s : s.substring(0, 40) + " … " + s.substring(s.length() - 30);
    }
}
