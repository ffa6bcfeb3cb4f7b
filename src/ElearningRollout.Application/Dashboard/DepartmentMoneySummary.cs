using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CostSharing;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Dashboard;

/// <summary>
/// One department's committed and actual money on one agreement in one currency, kept up to date whenever the agreement
/// is saved. It exists for the dashboard: the splits live in JSON on the cost lines, which no database can add up, and
/// adding up every agreement in memory would read all of them. Amounts are whole cents so both providers sum them exactly.
/// </summary>
[NotAudited("A read model derived from the agreement's lines and actual spend, which are audited; it is rewritten on every save of the agreement.")]
public sealed class DepartmentMoneySummary
{
    public Guid AgreementId { get; set; }

    /// <summary>Copied from the agreement so the dashboard filters by rollout without reading agreements.</summary>
    public Guid RolloutId { get; set; }

    public string Department { get; set; } = "";

    public string Currency { get; set; } = "";

    public long CommittedCents { get; set; }

    public long ActualCents { get; set; }

    public static long Cents(decimal amount) => (long)(amount * 100m);

    /// <summary>The rows a new agreement gets (the benchmark's generator writes them with the agreement).</summary>
    public static IEnumerable<DepartmentMoneySummary> For(CostSharingAgreement agreement) => DepartmentMoneyTotals.Of(agreement)
        .Select(money => new DepartmentMoneySummary
        {
            AgreementId = agreement.Id, RolloutId = agreement.RolloutId, Department = money.Department, Currency = money.Currency,
            CommittedCents = Cents(money.Committed), ActualCents = Cents(money.Actual),
        });

    /// <summary>
    /// Brings the agreement's rows in line with <see cref="DepartmentMoneyTotals.Of"/>; the caller's SaveChanges writes them
    /// with the agreement, in one transaction, so the summary never disagrees with a saved agreement.
    /// </summary>
    public static async Task RefreshAsync(ElearningRolloutDbContext db, CostSharingAgreement agreement, CancellationToken cancellationToken)
    {
        var stored = await db.DepartmentMoney.Where(s => s.AgreementId == agreement.Id).ToListAsync(cancellationToken);
        var fresh = For(agreement).ToList();
        db.DepartmentMoney.RemoveRange(stored.Where(s => !fresh.Any(f => f.Department == s.Department && f.Currency == s.Currency)));
        foreach (var money in fresh)
        {
            if (stored.SingleOrDefault(s => s.Department == money.Department && s.Currency == money.Currency) is { } row)
            {
                row.CommittedCents = money.CommittedCents;
                row.ActualCents = money.ActualCents;
            }
            else
            {
                db.DepartmentMoney.Add(money);
            }
        }
    }
}
