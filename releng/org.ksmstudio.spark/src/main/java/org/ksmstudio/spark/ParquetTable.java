package org.ksmstudio.spark;

import java.util.ArrayList;
import java.util.List;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ksmstudio.engine.sweep.SweepTable;

/**
 * The sweep table as a Parquet data set: the same columns as the CSV, typed. Swept parameters,
 * the policy and the error are strings; {@code *_ms} and {@code *_pct} columns are doubles; the
 * page and count columns are longs; an empty cell (no migration on that node) is null.
 */
final class ParquetTable {

    private ParquetTable() {
    }

    /** Writes {@code table} to the Parquet directory {@code path}, replacing it. */
    static void write(SparkSession spark, SweepTable table, String path) {
        frame(spark, table).coalesce(1).write().mode(SaveMode.Overwrite).parquet(path);
    }

    /** {@code table} as a data frame. */
    static Dataset<Row> frame(SparkSession spark, SweepTable table) {
        List<String> header = table.header();
        int policy = header.indexOf("policy");
        List<StructField> fields = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            fields.add(DataTypes.createStructField(header.get(i), type(header.get(i), i <= policy), true));
        }
        StructType schema = DataTypes.createStructType(fields);
        List<Row> rows = new ArrayList<>();
        for (List<String> cells : table.rows()) {
            Object[] values = new Object[cells.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(cells.get(i), schema.fields()[i].dataType());
            }
            rows.add(RowFactory.create(values));
        }
        return spark.createDataFrame(rows, schema);
    }

    private static DataType type(String column, boolean key) {
        if (key || column.equals("error")) {
            return DataTypes.StringType;
        }
        return column.contains("_ms") || column.endsWith("_pct") ? DataTypes.DoubleType : DataTypes.LongType;
    }

    private static Object value(String cell, DataType type) {
        if (type == DataTypes.StringType) {
            return cell;
        }
        if (cell.isEmpty()) {
            return null;
        }
        return type == DataTypes.DoubleType ? (Object) Double.parseDouble(cell) : (Object) Long.parseLong(cell);
    }
}
