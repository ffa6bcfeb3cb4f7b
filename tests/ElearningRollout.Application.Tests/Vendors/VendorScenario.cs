using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Tests.Rollouts;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Domain.Vendors;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Vendors;

/// <summary>The common steps (a vendor in the registry, a rollout of Tara's that engages it), so tests state only what matters.</summary>
internal sealed class VendorScenario(SqliteTestDatabase database)
{
    public VendorCommands Vendors => database.Get<VendorCommands>();

    public VendorQueries VendorReads => database.Get<VendorQueries>();

    public VendorEngagementCommands Engagements => database.Get<VendorEngagementCommands>();

    public VendorEngagementQueries EngagementReads => database.Get<VendorEngagementQueries>();

    public DateOnly Today => DateOnly.FromDateTime(database.Clock.GetUtcNow().UtcDateTime);

    public static VendorDraft Draft(string name = "Coursecraft Ltd") => new()
    {
        Name = name, ContactName = "Nina Holm", ContactEmail = "nina@coursecraft.example", ContactPhone = "+49 30 1234",
    };

    public static EngagementTermsDraft Contract(bool withSla = true) => new()
    {
        ContractValue = 48000m, Currency = "EUR", StartDate = new DateOnly(2026, 12, 1), EndDate = new DateOnly(2028, 11, 30),
        UptimePercent = withSla ? 99.9m : null, P1ResponseHours = withSla ? 1 : null,
    };

    /// <summary>Ivan (IT lead) registers a vendor; with <paramref name="soc2ExpiresInDays"/> it holds a SOC 2 Type II report expiring then.</summary>
    public async Task<Guid> VendorAsync(string name = "Coursecraft Ltd", int? soc2ExpiresInDays = null)
    {
        await database.PlayAsync(Accounts.ItLead);
        var id = await Vendors.RegisterAsync(Draft(name));
        if (soc2ExpiresInDays is { } days)
        {
            await Vendors.RecordCertificationAsync(id, CertificationKind.Soc2TypeII, Today.AddDays(days), await VendorVersionAsync(id));
        }

        return id;
    }

    public async Task<Guid> VendorVersionAsync(Guid id) => (await VendorReads.GetAsync(id))!.Version;

    /// <summary>Tara creates a rollout (vendor-hosted with SSO) and proposes the vendor on it; Tara stays the actor.</summary>
    public async Task<(string Code, Guid EngagementId)> EngagementAsync(Guid vendorId, EngagementType type = EngagementType.LmsPlatform, EngagementTermsDraft? terms = null)
    {
        await database.PlayAsync(Accounts.Training);
        var code = await database.Get<RolloutCommands>().CreateAsync(Drafts.Rollout());
        var id = await Engagements.ProposeAsync(code, vendorId, type, terms ?? Contract());
        return (code, id);
    }

    public async Task<EngagementView> EngagementAsync(string code, Guid engagementId) =>
        (await EngagementReads.GetTabAsync(code))!.Engagements.Single(e => e.Id == engagementId);

    public async Task<Guid> VersionAsync(string code, Guid engagementId) => (await EngagementAsync(code, engagementId)).Version;

    public async Task MoveAsync(string code, Guid engagementId, params EngagementStatus[] steps)
    {
        foreach (var step in steps)
        {
            await Engagements.ChangeStatusAsync(engagementId, step, null, await VersionAsync(code, engagementId));
        }
    }
}

/// <summary>A fresh database per test with the vendor steps at hand.</summary>
public abstract class VendorTestBase : DatabaseTest
{
    internal VendorScenario Scenario { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Scenario = new VendorScenario(Database);
    }
}
