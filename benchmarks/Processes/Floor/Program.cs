// The floor: the SQL a migration run needs, sent by hand through Npgsql on one connection.
// Usage: floor apply|noop|seed <connection string>
using Migrations.Benchmarks.Processes;
using System.Globalization;
using System.Text;
using Npgsql;

const string History = "\"public\".\"__migrations_history\"";
const long LockKey = 0x4D_69_67_72_61_74_69;

await using (var dataSource = NpgsqlDataSource.Create(args[1]))
await using (var connection = await dataSource.OpenConnectionAsync())
{
    await ExecuteAsync(connection, "SELECT pg_advisory_lock($1)", LockKey);
    if (args[0] != "noop")
    {
        await ExecuteAsync(connection, $"CREATE TABLE IF NOT EXISTS {History} (version BIGINT PRIMARY KEY, description TEXT NOT NULL, applied_at TIMESTAMP WITH TIME ZONE NOT NULL, execution_ms BIGINT NOT NULL, checksum TEXT NOT NULL)");
    }

    // The runner's query at a start: the versions and checksums, each read as a runner must to compare them.
    var applied = 0;
    await using (var read = new NpgsqlCommand($"SELECT version, checksum FROM {History} ORDER BY version", connection))
    await using (var reader = await read.ExecuteReaderAsync())
    {
        while (await reader.ReadAsync())
        {
            _ = (reader.GetInt64(0), reader.GetString(1));
            applied++;
        }
    }

    switch (args[0])
    {
        case "apply":
            for (var version = 1L; version <= 300; version++)
            {
                await using var transaction = await connection.BeginTransactionAsync();
                await ExecuteAsync(connection, $"CREATE TABLE \"public\".\"t{version}\" (\"id\" bigint, \"name\" text)");
                await ExecuteAsync(connection, $"ALTER TABLE \"public\".\"t{version}\" ADD COLUMN \"extra\" integer");
                await ExecuteAsync(connection, $"CREATE INDEX \"ix_t{version}_name\" ON \"public\".\"t{version}\" (\"name\")");
                await RecordAsync(connection, version);
                await transaction.CommitAsync();
            }

            break;
        case "seed":
            await using (var transaction = await connection.BeginTransactionAsync())
            {
                await ExecuteAsync(connection, SeedRows.CreateTable);
                // Text COPY, the runner's own statement, with the lines written by hand in 64 KiB chunks:
                // faster than binary COPY for these types (numeric and timestamptz), so the least a runner can pay.
                await using (var writer = await connection.BeginTextImportAsync("COPY \"public\".\"seed\" (\"id\", \"name\", \"amount\", \"created\") FROM STDIN"))
                {
                    var lines = new StringBuilder();
                    foreach (var (id, name, amount, created) in SeedRows.All())
                    {
                        lines.Append(id).Append('\t').Append(name).Append('\t')
                            .Append(amount.ToString(CultureInfo.InvariantCulture)).Append('\t')
                            .Append(created.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture)).Append("+00\n");
                        if (lines.Length >= 64 * 1024)
                        {
                            await writer.WriteAsync(lines);
                            lines.Clear();
                        }
                    }

                    await writer.WriteAsync(lines);
                }

                await RecordAsync(connection, 1);
                await transaction.CommitAsync();
            }

            break;
    }

    await ExecuteAsync(connection, "SELECT pg_advisory_unlock($1)", LockKey);
    Console.WriteLine($"history had {applied} rows");
}

ProcessStats.Print();

static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params object[] values)
{
    await using var command = new NpgsqlCommand(sql, connection);
    foreach (var value in values)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = value });
    }

    await command.ExecuteNonQueryAsync();
}

static Task RecordAsync(NpgsqlConnection connection, long version) => ExecuteAsync(connection,
    $"INSERT INTO {History} (version, description, applied_at, execution_ms, checksum) VALUES ($1, $2, current_timestamp, $3, $4)",
    version, $"Generated {version}", 0L, "0");
