using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ElearningRollout.Application.Tests.SqlServer;

/// <summary>
/// For the one-row answers: which text a selected column must hold to be read back at all. Enums are stored by name and
/// some columns hold JSON, so "[]" will not do for them; the column is traced through the SELECT (aliases, derived tables)
/// to its table, and the SQL Server model says what its converter accepts.
/// </summary>
internal static class StandInValues
{
    private static readonly Lazy<Dictionary<(string Table, string Column), string>> Texts = new(LoadTexts);

    /// <summary>One value per selected column: a valid text where the column needs one, otherwise the all-purpose 1.</summary>
    public static object[] Row(QuerySpecification query)
        => query.SelectElements.Select(e => e is SelectScalarExpression s && Text(s.Expression, query) is { } text
            ? new SqlServerRecorder.AnyValue(1, text)
            : SqlServerRecorder.AnyValue.One).ToArray<object>();

    private static string? Text(ScalarExpression expression, QuerySpecification query)
    {
        if (expression is not ColumnReferenceExpression { MultiPartIdentifier.Identifiers: [var alias, var column] })
        {
            return null;
        }

        return Source(query.FromClause?.TableReferences ?? [], alias.Value) switch
        {
            NamedTableReference table => Texts.Value.GetValueOrDefault((table.SchemaObject.BaseIdentifier.Value, column.Value)),
            QueryDerivedTable { QueryExpression: QuerySpecification inner } => inner.SelectElements
                .OfType<SelectScalarExpression>()
                .Where(e => (e.ColumnName?.Value ?? (e.Expression as ColumnReferenceExpression)?.MultiPartIdentifier.Identifiers[^1].Value) == column.Value)
                .Select(e => Text(e.Expression, inner))
                .FirstOrDefault(),
            _ => null,
        };
    }

    private static TableReference? Source(IEnumerable<TableReference> references, string alias)
    {
        foreach (var reference in references)
        {
            var found = reference switch
            {
                NamedTableReference named when (named.Alias?.Value ?? named.SchemaObject.BaseIdentifier.Value) == alias => reference,
                QueryDerivedTable derived when derived.Alias?.Value == alias => reference,
                JoinTableReference join => Source([join.FirstTableReference, join.SecondTableReference], alias),
                JoinParenthesisTableReference parenthesis => Source([parenthesis.Join], alias),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }

    private static Dictionary<(string, string), string> LoadTexts()
    {
        using var db = SqlServerModel.CreateContext();
        var texts = new Dictionary<(string, string), string>();
        foreach (var table in db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables)
        {
            foreach (var column in table.Columns)
            {
                var property = column.PropertyMappings.First().Property;
                if (property.GetTypeMapping().Converter is { } converter && Sample(converter.ModelClrType) is { } sample
                    && converter.ConvertToProvider(sample) is string text)
                {
                    texts[(table.Name, column.Name)] = text;
                }
            }
        }

        return texts;
    }

    private static object? Sample(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            return Enum.GetValues(type).GetValue(0);
        }

        if (type.IsGenericType && type.GetGenericTypeDefinition() is var definition
            && (definition == typeof(IReadOnlyList<>) || definition == typeof(IList<>) || definition == typeof(IEnumerable<>) || definition == typeof(IReadOnlyCollection<>)))
        {
            return Activator.CreateInstance(typeof(List<>).MakeGenericType(type.GetGenericArguments()));
        }

        try
        {
            return type.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(type) : null;
        }
        catch (MissingMethodException)
        {
            return null;
        }
    }
}
