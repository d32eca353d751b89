package org.ksmstudio.engine.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The product's one CSV dialect (Apache Commons CSV): RFC 4180 quoting (a cell with a comma, quote or
 * line break is quoted, quotes doubled), a header line, {@code \n} between records.
 */
public final class CsvTables {

    /** RFC 4180 with {@code \n} record separators. */
    public static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private CsvTables() {
    }

    private static CSVPrinter printer(Appendable out) throws IOException {
        return new CSVPrinter(out, FORMAT);
    }

    /** The CSV text of a header and its rows. */
    public static String text(List<String> header, List<? extends List<?>> rows) {
        StringBuilder b = new StringBuilder();
        try (CSVPrinter printer = printer(b)) {
            printer.printRecord(header);
            for (List<?> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return b.toString();
    }

    /** Writes a header and its rows to {@code out} (not closed). */
    public static void write(Writer out, List<String> header, Iterable<? extends List<?>> rows) throws IOException {
        CSVPrinter printer = printer(out);
        printer.printRecord(header);
        for (List<?> row : rows) {
            printer.printRecord(row);
        }
        printer.flush();
    }
}
