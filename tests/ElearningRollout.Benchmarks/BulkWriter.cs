using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ElearningRollout.Benchmarks;

/// <summary>
/// Writes the entities a context has been given (state Added) with one prepared INSERT per table, reused for every row.
/// EF Core's SaveChanges sends a new multi-statement batch each time, which SQLite parses again row by row; at a
/// million rows that alone is minutes. The columns, value converters (enums as names, splits as JSON) and parameter
/// types (Guid, DateOnly, decimal as text) still come from EF Core's model and type mappings, so the rows are what
/// SaveChanges would write. Entity types sharing a table (a rollout and its pilot cohort) are merged into one row.
/// </summary>
internal static class BulkWriter
{
    private sealed record Column(string Name, RelationalTypeMapping Mapping, bool IsNullable);

    public static void WriteAdded(DbContext db)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk writes run inside the generator's transaction.");
        foreach (var table in db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).GroupBy(e => Table(e.Metadata)))
        {
            var columns = db.Model.GetEntityTypes().Where(t => Table(t) == table.Key)
                .SelectMany(t => t.GetProperties().Select(p => (Property: p, Name: p.GetColumnName(table.Key))))
                .Where(c => c.Name is not null)
                .GroupBy(c => c.Name!)
                .Select(c => new Column(c.Key, (RelationalTypeMapping)c.First().Property.GetRelationalTypeMapping(), c.First().Property.IsNullable))
                .ToList();
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO \"{table.Key.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Name}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            foreach (var row in Rows(table, table.Key))
            {
                command.Parameters.Clear();
                for (var i = 0; i < columns.Count; i++)
                {
                    command.Parameters.Add(columns[i].Mapping.CreateParameter(command, $"@p{i}", row.GetValueOrDefault(columns[i].Name), columns[i].IsNullable));
                }

                command.ExecuteNonQuery();
            }
        }
    }

    /// <summary>Foreign keys are off while writing (tables go in any order); this proves every reference still resolves.</summary>
    public static async Task EnsureForeignKeysHoldAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_key_check;";
        await using var reader = await command.ExecuteReaderAsync();
        if (await reader.ReadAsync())
        {
            throw new InvalidOperationException($"Generated data breaks a foreign key: table {reader.GetString(0)} refers to {reader.GetString(2)}.");
        }
    }

    private static StoreObjectIdentifier Table(IReadOnlyEntityType type) => StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());

    /// <summary>Column name -> value, one per row: the entries of every entity type in the table with the same key make one row.</summary>
    private static IEnumerable<Dictionary<string, object?>> Rows(IEnumerable<EntityEntry> entries, StoreObjectIdentifier table)
    {
        var rows = new Dictionary<string, Dictionary<string, object?>>();
        foreach (var entry in entries)
        {
            var key = string.Join("|", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.CurrentValues[p]));
            if (!rows.TryGetValue(key, out var row))
            {
                rows[key] = row = [];
            }

            foreach (var property in entry.Metadata.GetProperties())
            {
                row[property.GetColumnName(table)!] = entry.CurrentValues[property];
            }
        }

        return rows.Values;
    }
}
