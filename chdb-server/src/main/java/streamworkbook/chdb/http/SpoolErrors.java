package streamworkbook.chdb.http;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewords engine errors of an INSERT that read its data from a spool file, so the client sees
 * what a server would say about its request body instead of a file it never named.
 *
 * <p>chDB wraps errors of {@code FROM INFILE} twice ({@code Code: 27. DB::Exception: Code: 27.
 * DB::Exception: … (version …). (NAME)}) and mentions the file; the inner error is the one a
 * server reports.
 */
final class SpoolErrors {

    private static final Pattern WRAPPED = Pattern.compile(
            "^Code: (\\d+)\\. DB::Exception: Code: \\1\\. DB::Exception: (.*) \\((\\w+)\\) \\(version [^)]*\\)\\. \\(\\3\\)\\s*$",
            Pattern.DOTALL);

    private SpoolErrors() {
    }

    static String clean(String text, Path spool) {
        Matcher m = WRAPPED.matcher(text);
        if (m.matches()) {
            text = "Code: " + m.group(1) + ". DB::Exception: " + m.group(2) + " (" + m.group(3) + ")";
        }
        String file = spool.toString();
        return text.replace(" (in file/uri " + file + ")", "")
                .replace(": While executing File: data for INSERT was parsed from file", "")
                .replace(": data for INSERT was parsed from file", "")
                .replace(file, "<request body>");
    }
}
