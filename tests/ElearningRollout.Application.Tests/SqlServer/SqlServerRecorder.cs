using System.Collections;
using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore.Diagnostics;
using IsolationLevel = System.Data.IsolationLevel;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace ElearningRollout.Application.Tests.SqlServer;

/// <summary>
/// Lets the SQL Server provider run without a server: the connection is never opened, transactions are stand-ins,
/// and every command EF would send is recorded and answered as an empty SQL Server database would answer it:
/// no rows, except the one row of an aggregate without GROUP BY (COUNT 0, EXISTS false, SUM/MIN/MAX NULL unless
/// wrapped in COALESCE), and for SaveChanges one row per OUTPUT clause, so EF believes each row was written.
/// With <paramref name="oneRowEach"/>, every SELECT gets one row of stand-in values instead (1, true, "[]", empty GUIDs),
/// so a use case gets past its first lookup and sends the statements behind it.
/// </summary>
internal sealed partial class SqlServerRecorder(bool oneRowEach = false) : IDbConnectionInterceptor, IDbTransactionInterceptor, IDbCommandInterceptor
{
    private readonly ConcurrentQueue<RecordedStatement> _statements = new();

    public sealed record RecordedStatement(CommandSource Source, string Sql);

    public IReadOnlyCollection<RecordedStatement> Statements => _statements;

    public int Count => _statements.Count;

    // The connection is a real SqlConnection (the provider insists) that is never opened.
    public InterceptionResult ConnectionOpening(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
        => InterceptionResult.Suppress();

    public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(InterceptionResult.Suppress());

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
        => InterceptionResult<DbTransaction>.SuppressWithResult(new StandInTransaction(connection, eventData.IsolationLevel));

    public ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(TransactionStarting(connection, eventData, result));

    // A SqlCommand refuses a transaction that is not a SqlTransaction, so EF gets a stand-in command; its parameters are real SqlParameters.
    public InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result)
        => InterceptionResult<DbCommand>.SuppressWithResult(new StandInCommand());

    public InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        => InterceptionResult<DbDataReader>.SuppressWithResult(Answer(Record(command, eventData)));

    public ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(ReaderExecuting(command, eventData, result));

    public InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command, eventData);
        return InterceptionResult<object>.SuppressWithResult(DBNull.Value);
    }

    public ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(ScalarExecuting(command, eventData, result));

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command, eventData);
        return InterceptionResult<int>.SuppressWithResult(1);
    }

    public ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        => ValueTask.FromResult(NonQueryExecuting(command, eventData, result));

    private RecordedStatement Record(DbCommand command, CommandEventData eventData)
    {
        var statement = new RecordedStatement(eventData.CommandSource, command.CommandText);
        _statements.Enqueue(statement);
        return statement;
    }

    private DbDataReader Answer(RecordedStatement statement)
    {
        if (statement.Source == CommandSource.SaveChanges)
        {
            return new AnswerReader(Enumerable.Range(0, Output().Count(statement.Sql)).Select(_ => new ResultSet(AnyValue.WrittenRow.Length, [AnyValue.WrittenRow])).ToList());
        }

        return new AnswerReader(oneRowEach ? OneRowEach(statement.Sql) : EmptyDatabaseAnswer(statement.Sql));
    }

    private static List<ResultSet> OneRowEach(string sql)
        => Selects(sql).Select(select => First(select.QueryExpression) is { } query
            ? new ResultSet(query.SelectElements.Count, [StandInValues.Row(query)])
            : new ResultSet(0, [])).ToList();

    private static QuerySpecification? First(QueryExpression query) => query switch
    {
        QuerySpecification spec => spec,
        BinaryQueryExpression union => First(union.FirstQueryExpression),
        QueryParenthesisExpression parenthesis => First(parenthesis.QueryExpression),
        _ => null,
    };

    private static IEnumerable<SelectStatement> Selects(string sql)
    {
        var fragment = new TSql160Parser(initialQuotedIdentifiers: true).Parse(new StringReader(sql), out var errors);
        return errors.Count > 0 || fragment is not TSqlScript script
            ? []
            : script.Batches.SelectMany(b => b.Statements).OfType<SelectStatement>().ToList();
    }

    /// <summary>The result sets an empty database returns: one row for each top-level SELECT of aggregates only, no GROUP BY.</summary>
    private static List<ResultSet> EmptyDatabaseAnswer(string sql)
    {
        var sets = new List<ResultSet>();
        foreach (var select in Selects(sql))
        {
            if (select.QueryExpression is QuerySpecification { GroupByClause: null } query
                && query.SelectElements.All(e => e is SelectScalarExpression s && AlwaysOneRow(s.Expression, query.FromClause is null)))
            {
                sets.Add(new ResultSet(query.SelectElements.Count, [query.SelectElements.Cast<SelectScalarExpression>().Select(s => ValueOverNoRows(s.Expression)).ToArray()]));
            }
            else
            {
                sets.Add(new ResultSet(Columns(select.QueryExpression), []));
            }
        }

        return sets;
    }

    /// <summary>How many columns a query returns (EF checks the reader has as many as it expects, even with no rows).</summary>
    private static int Columns(QueryExpression query) => query switch
    {
        QuerySpecification spec => spec.SelectElements.Count,
        BinaryQueryExpression union => Columns(union.FirstQueryExpression),
        QueryParenthesisExpression parenthesis => Columns(parenthesis.QueryExpression),
        _ => 0,
    };

    private static readonly HashSet<string> Aggregates = new(StringComparer.OrdinalIgnoreCase) { "COUNT", "COUNT_BIG", "SUM", "MIN", "MAX", "AVG" };

    private static bool AlwaysOneRow(ScalarExpression expression, bool noFrom) => noFrom || expression switch
    {
        FunctionCall f when Aggregates.Contains(f.FunctionName.Value) => true,
        CoalesceExpression c => c.Expressions.Any(e => AlwaysOneRow(e, false)),
        SearchedCaseExpression { WhenClauses: [{ WhenExpression: ExistsPredicate }] } => true,
        CastCall c => AlwaysOneRow(c.Parameter, false),
        ConvertCall c => AlwaysOneRow(c.Parameter, false),
        ParenthesisExpression p => AlwaysOneRow(p.Expression, false),
        _ => false,
    };

    /// <summary>What the expression is over no rows: NULL for SUM/MIN/MAX/AVG, otherwise zero (COUNT, EXISTS, COALESCE(..., 0)).</summary>
    private static object ValueOverNoRows(ScalarExpression expression) => expression switch
    {
        FunctionCall f when f.FunctionName.Value.ToUpperInvariant() is "SUM" or "MIN" or "MAX" or "AVG" => DBNull.Value,
        CastCall c => ValueOverNoRows(c.Parameter),
        ConvertCall c => ValueOverNoRows(c.Parameter),
        ParenthesisExpression p => ValueOverNoRows(p.Expression),
        _ => AnyValue.Zero,
    };

    [GeneratedRegex(@"\bOUTPUT\b", RegexOptions.IgnoreCase)]
    private static partial Regex Output();

    internal sealed record ResultSet(int Columns, IReadOnlyList<object[]> Rows);

    /// <summary>A value that becomes whatever type EF asks for: zero, false, an empty string (or 1 for a written row).</summary>
    internal sealed class AnyValue(int number, string text = "[]")
    {
        public static readonly AnyValue Zero = new(0);
        public static readonly AnyValue One = new(1);
        public static readonly object[] WrittenRow = [.. Enumerable.Repeat(new AnyValue(1), 32)];

        public T As<T>()
        {
            var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
            object value = type switch
            {
                _ when type == typeof(string) => text,
                _ when type == typeof(bool) => number != 0,
                _ when type == typeof(Guid) => Guid.Empty,
                _ when type == typeof(DateTime) => DateTime.UnixEpoch,
                _ when type == typeof(DateTimeOffset) => DateTimeOffset.UnixEpoch,
                _ when type == typeof(DateOnly) => DateOnly.MinValue,
                _ when type == typeof(TimeOnly) => TimeOnly.MinValue,
                _ when type == typeof(TimeSpan) => TimeSpan.Zero,
                _ when type == typeof(byte[]) => new byte[8],
                _ when type.IsPrimitive || type == typeof(decimal) => Convert.ChangeType(number, type),
                _ => throw new InvalidOperationException($"The stand-in reader cannot answer a {typeof(T)}."),
            };
            return (T)value;
        }
    }

    private sealed class AnswerReader(IReadOnlyList<ResultSet> sets) : DbDataReader
    {
        private int _set;
        private int _row = -1;

        private object[] Row => sets[_set].Rows[_row];

        public override bool Read() => _set < sets.Count && ++_row < sets[_set].Rows.Count;

        public override Task<bool> ReadAsync(CancellationToken cancellationToken) => Task.FromResult(Read());

        public override bool NextResult()
        {
            _row = -1;
            return ++_set < sets.Count;
        }

        public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => Task.FromResult(NextResult());

        public override T GetFieldValue<T>(int ordinal) => Row[ordinal] switch
        {
            AnyValue any => any.As<T>(),
            DBNull => throw new InvalidCastException("Data is Null. This method or property cannot be called on Null values."),
            var other => (T)other,
        };

        public override bool IsDBNull(int ordinal) => Row[ordinal] is DBNull;

        public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => Task.FromResult(IsDBNull(ordinal));

        public override object GetValue(int ordinal) => Row[ordinal] is AnyValue any ? any.As<int>() : Row[ordinal];

        public override int FieldCount => _set < sets.Count ? sets[_set].Columns : 0;

        public override bool HasRows => _set < sets.Count && sets[_set].Rows.Count > 0;

        public override bool IsClosed => false;

        public override int RecordsAffected => sets.Sum(s => s.Rows.Count);

        public override int Depth => 0;

        public override object this[int ordinal] => GetValue(ordinal);

        public override object this[string name] => throw new NotSupportedException();

        public override bool GetBoolean(int ordinal) => GetFieldValue<bool>(ordinal);

        public override byte GetByte(int ordinal) => GetFieldValue<byte>(ordinal);

        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => 0;

        public override char GetChar(int ordinal) => GetFieldValue<char>(ordinal);

        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => 0;

        public override string GetDataTypeName(int ordinal) => "sql_variant";

        public override DateTime GetDateTime(int ordinal) => GetFieldValue<DateTime>(ordinal);

        public override decimal GetDecimal(int ordinal) => GetFieldValue<decimal>(ordinal);

        public override double GetDouble(int ordinal) => GetFieldValue<double>(ordinal);

        [return: DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields | DynamicallyAccessedMemberTypes.PublicProperties)]
        public override Type GetFieldType(int ordinal) => typeof(object);

        public override float GetFloat(int ordinal) => GetFieldValue<float>(ordinal);

        public override Guid GetGuid(int ordinal) => GetFieldValue<Guid>(ordinal);

        public override short GetInt16(int ordinal) => GetFieldValue<short>(ordinal);

        public override int GetInt32(int ordinal) => GetFieldValue<int>(ordinal);

        public override long GetInt64(int ordinal) => GetFieldValue<long>(ordinal);

        public override string GetName(int ordinal) => $"Column{ordinal}";

        public override int GetOrdinal(string name) => throw new NotSupportedException();

        public override string GetString(int ordinal) => GetFieldValue<string>(ordinal);

        public override int GetValues(object[] values) => throw new NotSupportedException();

        public override IEnumerator GetEnumerator() => throw new NotSupportedException();
    }

    private sealed class StandInTransaction(DbConnection connection, IsolationLevel isolationLevel) : DbTransaction
    {
        protected override DbConnection DbConnection => connection;

        public override IsolationLevel IsolationLevel => isolationLevel;

        public override bool SupportsSavepoints => true;

        public override void Commit()
        {
        }

        public override void Rollback()
        {
        }

        public override void Save(string savepointName)
        {
        }

        public override void Rollback(string savepointName)
        {
        }

        public override void Release(string savepointName)
        {
        }
    }

    private sealed class StandInCommand : DbCommand
    {
        private readonly SqlCommand _parameters = new();

        [AllowNull]
        public override string CommandText { get; set; } = "";

        public override int CommandTimeout { get; set; }

        public override CommandType CommandType { get; set; }

        public override bool DesignTimeVisible { get; set; }

        public override UpdateRowSource UpdatedRowSource { get; set; }

        protected override DbConnection? DbConnection { get; set; }

        protected override DbParameterCollection DbParameterCollection => _parameters.Parameters;

        protected override DbTransaction? DbTransaction { get; set; }

        public override void Cancel()
        {
        }

        public override void Prepare()
        {
        }

        protected override DbParameter CreateDbParameter() => new SqlParameter();

        // The recorder answers every execution before it gets here.
        public override int ExecuteNonQuery() => throw new InvalidOperationException("Not intercepted.");

        public override object ExecuteScalar() => throw new InvalidOperationException("Not intercepted.");

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => throw new InvalidOperationException("Not intercepted.");

        protected override void Dispose(bool disposing)
        {
            _parameters.Dispose();
            base.Dispose(disposing);
        }
    }
}
