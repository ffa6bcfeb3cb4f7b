using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ElearningRollout.Application.Tests.SqlServer;

/// <summary>
/// Rules SQL Server enforces when it creates the tables, and SQLite never does; checked over the SQL Server model
/// (the design-time model of the SQL Server-configured context, whose store types are SQL Server's).
/// </summary>
public sealed partial class SqlServerModelTests
{
    private static readonly IRelationalModel Model = LoadModel();

    private static IRelationalModel LoadModel()
    {
        using var db = SqlServerModel.CreateContext();
        return db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
    }

    /// <summary>
    /// SQL Server refuses a FOREIGN KEY whose ON DELETE CASCADE / SET NULL "may cause cycles or multiple cascade paths"
    /// (error 1785): from one table, at most one chain of cascading actions may reach any other table, and none may come back.
    /// </summary>
    [Fact]
    public void No_table_is_reached_by_two_cascade_paths_and_no_cascade_path_is_a_cycle()
    {
        var problems = CascadeProblems(Model.Tables.SelectMany(t => t.ForeignKeyConstraints)
            .Where(fk => fk.OnDeleteAction is ReferentialAction.Cascade or ReferentialAction.SetNull or ReferentialAction.SetDefault)
            .Select(fk => new CascadeEdge(fk.PrincipalTable.Name, fk.Table.Name, fk.Name)));

        Assert.True(problems.Count == 0, "SQL Server would refuse these cascades (error 1785):\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_cascade_check_finds_diamonds_and_cycles()
    {
        Assert.Empty(CascadeProblems([new("A", "B", "FK1"), new("B", "C", "FK2"), new("A", "D", "FK3")]));
        Assert.Single(CascadeProblems([new("A", "B", "FK1"), new("B", "C", "FK2"), new("A", "C", "FK3")]));
        Assert.Single(CascadeProblems([new("A", "B", "FK1"), new("A", "B", "FK2")]));
        Assert.NotEmpty(CascadeProblems([new("A", "B", "FK1"), new("B", "A", "FK2")]));
        Assert.NotEmpty(CascadeProblems([new("A", "A", "FK1")]));
    }

    /// <summary>
    /// An index key is at most 900 bytes in a clustered index (the primary keys) and 1700 bytes in a nonclustered one;
    /// nvarchar(max) and varbinary(max) cannot be key columns at all. Checked for every primary key, unique constraint and index.
    /// </summary>
    [Fact]
    public void Every_key_and_index_fits_SQL_Server_s_key_size_limits()
    {
        var problems = new List<string>();
        foreach (var table in Model.Tables)
        {
            foreach (var key in Keys(table))
            {
                var clustered = key.Name == table.PrimaryKey?.Name;
                var limit = clustered ? 900 : 1700;
                var sizes = key.Columns.Select(c => (c.Name, c.StoreType, Bytes: KeyBytes(c.StoreType))).ToList();
                if (sizes.FirstOrDefault(s => s.Bytes is null) is { Name: not null } unbounded)
                {
                    problems.Add($"{table.Name}.{key.Name}: column {unbounded.Name} is {unbounded.StoreType}, which cannot be an index key");
                }
                else if (sizes.Sum(s => s.Bytes!.Value) is var total && total > limit && !IdentityKeysOverTheLimit.Contains(key.Name))
                {
                    problems.Add($"{table.Name}.{key.Name}: {total} bytes ({string.Join(", ", sizes.Select(s => $"{s.Name} {s.StoreType}"))}) is over {limit}");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>No nvarchar(max) (or other unbounded type) in a primary key, a foreign key or an index: SQL Server cannot index it.</summary>
    [Fact]
    public void Every_key_foreign_key_and_indexed_string_column_is_bounded()
    {
        var problems = Model.Tables
            .SelectMany(t => Keys(t).Select(k => (Table: t.Name, Name: k.Name, k.Columns))
                .Concat(t.ForeignKeyConstraints.Select(fk => (Table: t.Name, Name: fk.Name, Columns: (IEnumerable<IColumn>)fk.Columns))))
            .SelectMany(k => k.Columns.Where(c => KeyBytes(c.StoreType) is null).Select(c => $"{k.Table}.{c.Name} ({c.StoreType}) in {k.Name}"))
            .Distinct()
            .ToList();

        Assert.True(problems.Count == 0, "Unbounded columns in keys or indexes:\n" + string.Join("\n", problems));
    }

    /// <summary>Money and every other decimal: an explicit precision and scale, never EF's silent decimal(18,2) guess.</summary>
    [Fact]
    public void Every_decimal_column_has_an_explicit_precision_and_scale()
    {
        using var db = SqlServerModel.CreateContext();
        var model = db.GetService<IDesignTimeModel>().Model;
        var problems = model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Select(p => (Entity: e, Property: p)))
            .Where(x => Nullable.GetUnderlyingType(x.Property.ClrType) is { } t ? t == typeof(decimal) : x.Property.ClrType == typeof(decimal))
            .Where(x => x.Property.GetPrecision() is null && x.Property.FindAnnotation(RelationalAnnotationNames.ColumnType) is null)
            .Select(x => $"{x.Entity.DisplayName()}.{x.Property.Name}")
            .ToList();

        Assert.True(problems.Count == 0, "Decimals without HasPrecision(p, s):\n" + string.Join("\n", problems));
        Assert.Contains(Model.Tables.SelectMany(t => t.Columns), c => c.StoreType.StartsWith("decimal(", StringComparison.Ordinal));
    }

    /// <summary>
    /// ASP.NET Core Identity's own composite keys of nvarchar(450) columns (its default schema, as Microsoft ships it).
    /// SQL Server creates them with a warning and refuses only a row whose actual key is over 900 bytes; their values
    /// are GUID strings, role ids and provider names, far below. Nothing of the product's own may join this list.
    /// </summary>
    private static readonly HashSet<string> IdentityKeysOverTheLimit = ["PK_AspNetUserLogins", "PK_AspNetUserRoles", "PK_AspNetUserTokens"];

    private static IEnumerable<(string Name, IEnumerable<IColumn> Columns)> Keys(ITable table)
        => table.UniqueConstraints.Select(u => (u.Name, (IEnumerable<IColumn>)u.Columns))
            .Concat(table.Indexes.Select(i => (i.Name, (IEnumerable<IColumn>)i.Columns)));

    /// <summary>The bytes a key column takes in SQL Server, or null if the type cannot be a key column.</summary>
    private static int? KeyBytes(string storeType)
    {
        var match = StoreType().Match(storeType.ToLowerInvariant());
        if (!match.Success)
        {
            throw new InvalidOperationException($"Unknown SQL Server store type '{storeType}': teach KeyBytes about it.");
        }

        var name = match.Groups["name"].Value;
        var size = match.Groups["size"].Value;
        if (size == "max" || name is "text" or "ntext" or "image" or "xml" or "json")
        {
            return null;
        }

        int Size(int whenMissing) => size.Length == 0 ? whenMissing : int.Parse(size.Split(',')[0]);
        return name switch
        {
            "nvarchar" or "nchar" => 2 * Size(1),
            "varchar" or "char" or "varbinary" or "binary" => Size(1),
            "uniqueidentifier" => 16,
            "bigint" or "float" or "datetime" or "money" or "rowversion" or "timestamp" => 8,
            "int" or "real" or "smalldatetime" or "smallmoney" => 4,
            "smallint" => 2,
            "tinyint" or "bit" => 1,
            "date" => 3,
            "time" => 5,
            "datetime2" => 8,
            "datetimeoffset" => 10,
            "decimal" or "numeric" => Size(18) switch { <= 9 => 5, <= 19 => 9, <= 28 => 13, _ => 17 },
            _ => throw new InvalidOperationException($"Unknown SQL Server store type '{storeType}': teach KeyBytes about it."),
        };
    }

    [GeneratedRegex(@"^(?<name>[a-z0-9]+)(\((?<size>[^)]*)\))?$")]
    private static partial Regex StoreType();

    internal sealed record CascadeEdge(string From, string To, string ForeignKey);

    /// <summary>Every pair of tables joined by more than one chain of cascading foreign keys, and every chain that returns to its start.</summary>
    internal static List<string> CascadeProblems(IEnumerable<CascadeEdge> edges)
    {
        var outgoing = edges.ToLookup(e => e.From);
        var problems = new List<string>();
        foreach (var start in outgoing.Select(g => g.Key))
        {
            var paths = new Dictionary<string, List<string>>();
            void Walk(string table, List<string> path)
            {
                foreach (var edge in outgoing[table])
                {
                    var next = new List<string>(path) { $"{edge.ForeignKey} -> {edge.To}" };
                    if (edge.To == start || path.Any(p => p.EndsWith($"-> {edge.To}", StringComparison.Ordinal)))
                    {
                        problems.Add($"cycle: {start} {string.Join(" ", next)}");
                        continue;
                    }

                    if (paths.TryGetValue(edge.To, out var earlier))
                    {
                        problems.Add($"two cascade paths from {start} to {edge.To}: [{string.Join(" ", earlier)}] and [{string.Join(" ", next)}]");
                        continue;
                    }

                    paths[edge.To] = next;
                    Walk(edge.To, next);
                }
            }

            Walk(start, []);
        }

        return problems.Distinct().ToList();
    }
}
