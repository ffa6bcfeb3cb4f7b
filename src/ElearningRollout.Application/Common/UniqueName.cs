using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Common;

/// <summary>
/// Names that must be unique whatever their case (a vendor, a glossary term, a department): the one way to ask whether
/// one is taken. SQLite's lower() folds ASCII only, so the exact name is compared too; otherwise a non-ASCII name
/// ("Élan") could be registered twice.
/// </summary>
internal static class UniqueName
{
    /// <summary>The stored name that <paramref name="name"/> would repeat (case-insensitively), or null when it is free.</summary>
    public static Task<string?> TakenAsync<T>(IQueryable<T> others, Expression<Func<T, string>> nameOf, string? name, CancellationToken cancellationToken)
    {
        var trimmed = (name ?? "").Trim();
        var lower = trimmed.ToLower();

        // Closure members rather than constants, so EF sends them as parameters.
        Expression<Func<string>> exact = () => trimmed;
        Expression<Func<string>> folded = () => lower;
        var stored = nameOf.Body;
        var sameName = Expression.OrElse(
            Expression.Equal(stored, exact.Body),
            Expression.Equal(Expression.Call(stored, nameof(string.ToLower), Type.EmptyTypes), folded.Body));
        return others.Where(Expression.Lambda<Func<T, bool>>(sameName, nameOf.Parameters)).Select(nameOf).FirstOrDefaultAsync(cancellationToken);
    }
}
