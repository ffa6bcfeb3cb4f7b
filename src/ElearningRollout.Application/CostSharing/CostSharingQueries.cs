using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Common;
using ElearningRollout.Application.Common.Edits;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CostSharing;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.CostSharing;

/// <summary>Reads for the Costs tab: the agreement with its figures, earlier versions, the CSV export.</summary>
public sealed class CostSharingQueries(IDbContextFactory<ElearningRolloutDbContext> dbFactory, ICurrentActor currentActor, ExportAudit exports) : IUseCases
{
    /// <summary>Null when no rollout has that code; <see cref="CostsTab.Agreement"/> is null when it has no agreement yet.</summary>
    public async Task<CostsTab?> GetAsync(string rolloutCode, CancellationToken cancellationToken = default)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var loaded = await LoadAsync(db, rolloutCode, cancellationToken);
        if (loaded is null)
        {
            return null;
        }

        var (rollout, agreement) = loaded.Value;
        if (agreement is null)
        {
            return new CostsTab(rollout.Code, rollout.Title, null, Permissions(actor, rollout, null), [], []);
        }

        var comments = (await db.AgreementComments.AsNoTracking().Where(c => c.AgreementId == agreement.Id).ToListAsync(cancellationToken))
            .OrderBy(c => c.At).ToList();
        var names = await NamesAsync(db, agreement, cancellationToken, comments.Select(c => c.AuthorId));
        return new CostsTab(rollout.Code, rollout.Title, CostSharingViewBuilder.Current(agreement, names), Permissions(actor, rollout, agreement),
            comments.Select(c => new CommentView(names.GetValueOrDefault(c.AuthorId, "A former user"), c.At, c.Text, CostSharingViewBuilder.About(agreement, c))).ToList(),
            await EngagementsAsync(db, rollout.Id, cancellationToken));
    }

    /// <summary>A signed version as it was signed, or the current unsigned one; null when there is no such version.</summary>
    public async Task<CostAgreementVersionView?> GetVersionAsync(string rolloutCode, int versionNumber, CancellationToken cancellationToken = default)
    {
        await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await LoadAsync(db, rolloutCode, cancellationToken) is not (_, { } agreement))
        {
            return null;
        }

        return CostSharingViewBuilder.Version(agreement, versionNumber, await NamesAsync(db, agreement, cancellationToken));
    }

    /// <summary>
    /// For the budget agreement gate. No actor is asked for: it answers yes/no facts to another use case,
    /// which checks its own actor; internal so that no page can call it without a signed-in person.
    /// </summary>
    internal async Task<BudgetAgreementStatus> BudgetAgreementStatusAsync(Guid rolloutId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var agreement = await AgreementStore.Whole(db).AsNoTracking().SingleOrDefaultAsync(a => a.RolloutId == rolloutId, cancellationToken);
        return agreement is null ? BudgetAgreementStatus.None : BudgetAgreementStatus.Of(agreement);
    }

    /// <summary>
    /// Every version, one row per line and department; see <see cref="CostSharingCsv"/> for the columns. Audited
    /// (<see cref="ExportAudit.CostSharingExported"/>) before the file is returned.
    /// </summary>
    public Task<string> ExportCsvAsync(string rolloutCode, CancellationToken cancellationToken = default)
        => ExportAsync(rolloutCode, "CSV", CostSharingCsv.Write, cancellationToken);

    /// <summary>Every version as an Excel workbook (one sheet per version), the same rows as the CSV; audited likewise.</summary>
    public Task<byte[]> ExportExcelAsync(string rolloutCode, CancellationToken cancellationToken = default)
        => ExportAsync(rolloutCode, "XLSX", CostSharingExcel.Write, cancellationToken);

    private async Task<T> ExportAsync<T>(
        string rolloutCode, string format, Func<string, CostSharingAgreement, IReadOnlyDictionary<string, string>, T> write, CancellationToken cancellationToken)
    {
        var actor = await currentActor.RequireAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (rollout, agreement) = await LoadAsync(db, rolloutCode, cancellationToken) ?? throw new NotFoundException($"There is no rollout {rolloutCode}.");
        if (agreement is null)
        {
            throw new NotFoundException($"Rollout {rolloutCode} has no cost-sharing agreement yet.");
        }

        var names = await NamesAsync(db, agreement, cancellationToken);
        var export = new ExportRecord(ExportAudit.CostSharingExported, rollout.Code, format,
            CostSharingCsv.Rows(rollout.Code, agreement, names).Count(), [("Rollout", rollout.Code)]);
        return await exports.HandOutAsync(actor, export, write(rollout.Code, agreement, names), cancellationToken);
    }

    private static async Task<List<EngagementChoice>> EngagementsAsync(ElearningRolloutDbContext db, Guid rolloutId, CancellationToken cancellationToken)
    {
        var engagements = await db.VendorEngagements.AsNoTracking().Where(e => e.RolloutId == rolloutId)
            .Join(db.Vendors, e => e.VendorId, v => v.Id, (e, v) => new { e.Id, v.Name, e.Type })
            .ToListAsync(cancellationToken);
        return engagements.OrderBy(e => e.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(e => e.Type)
            .Select(e => new EngagementChoice(e.Id, $"{e.Name}, {e.Type.DisplayName()}")).ToList();
    }

    private static CostPermissions Permissions(Actor actor, RolloutFacts rollout, CostSharingAgreement? agreement)
    {
        var isFinal = rollout.IsFinal;
        var manage = CostSharingAccess.CanManage(actor, rollout.TrainingOwnerId) && !isFinal;
        var state = agreement?.State;
        var signsAs = agreement?.SideToSign(actor, rollout.Signatories);
        return new CostPermissions(
            CreateAgreement: manage && agreement is null,
            EditLines: manage && state is AgreementState.Draft or AgreementState.Signed,
            Propose: manage && state == AgreementState.Draft,
            Withdraw: manage && state == AgreementState.Proposed,
            Sign: signsAs is not null && !isFinal,
            SignsAs: isFinal ? null : signsAs,
            RecordActuals: agreement is not null && agreement.Lines.Count > 0 && CostSharingAccess.CanRecordActuals(actor, rollout.TrainingOwnerId),
            Comment: agreement is not null && !isFinal && CostSharingAccess.CanComment(actor, rollout.Signatories));
    }

    private static async Task<(RolloutFacts Rollout, CostSharingAgreement? Agreement)?> LoadAsync(
        ElearningRolloutDbContext db, string rolloutCode, CancellationToken cancellationToken)
    {
        if (await RolloutFacts.FindOrNullAsync(db, rolloutCode, cancellationToken) is not { } rollout)
        {
            return null;
        }

        var agreement = await AgreementStore.Whole(db).AsNoTracking().SingleOrDefaultAsync(a => a.RolloutId == rollout.Id, cancellationToken);
        return (rollout, agreement);
    }

    private static async Task<Dictionary<string, string>> NamesAsync(
        ElearningRolloutDbContext db, CostSharingAgreement agreement, CancellationToken cancellationToken, IEnumerable<string>? others = null)
    {
        string?[] ids =
        [
            agreement.TrainingSignedById, agreement.ItSignedById,
            .. agreement.Versions.SelectMany(v => new[] { v.TrainingSignedById, v.ItSignedById }),
            .. agreement.Actuals.Select(a => a.RecordedById),
            .. others ?? [],
        ];
        var wanted = ids.OfType<string>().Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
    }
}
