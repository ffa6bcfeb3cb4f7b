using ElearningRollout.Application.Common;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.Vendors;

public sealed class VendorRegistryTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private VendorScenario _vendors = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        _vendors = new VendorScenario(_database);
    }

    public Task DisposeAsync() => _database.DisposeAsync();

    private static VendorSecurityDraft Security() => new()
    {
        Questionnaire = QuestionnaireKind.SigLite, QuestionnaireStatus = QuestionnaireStatus.Answered,
        QuestionnaireDate = new DateOnly(2026, 10, 20), DpaSigned = true, DataResidency = "EU (Frankfurt)",
    };

    [Theory]
    [InlineData(Accounts.Training)]
    [InlineData(Accounts.ItLead)]
    [InlineData(Accounts.Admin)]
    public async Task Training_managers_IT_leads_and_administrators_register_vendors_and_keep_their_contacts(string account)
    {
        await _database.PlayAsync(account);
        Assert.True(await _vendors.VendorReads.CanRegisterAsync());

        var id = await _vendors.Vendors.RegisterAsync(VendorScenario.Draft());
        await _vendors.Vendors.DescribeAsync(id, VendorScenario.Draft().WithContact("Jonas Berg"), await _vendors.VendorVersionAsync(id));

        var vendor = (await _vendors.VendorReads.GetAsync(id))!;
        Assert.Equal(("Coursecraft Ltd", "Jonas Berg"), (vendor.Name, vendor.ContactName));
        Assert.True(vendor.Can.EditContact);
    }

    [Fact]
    public async Task An_executive_reads_the_registry_and_may_change_nothing()
    {
        var id = await _vendors.VendorAsync(soc2ExpiresInDays: 400);
        var version = await _vendors.VendorVersionAsync(id);
        await _database.PlayAsync(Accounts.Executive);

        var vendor = (await _vendors.VendorReads.GetAsync(id))!;
        Assert.Equal(new VendorPermissions(false, false), vendor.Can);
        Assert.False(await _vendors.VendorReads.CanRegisterAsync());
        await Assert.ThrowsAsync<AccessRefusedException>(() => _vendors.Vendors.RegisterAsync(VendorScenario.Draft("Other")));
        await Assert.ThrowsAsync<AccessRefusedException>(() => _vendors.Vendors.DescribeAsync(id, VendorScenario.Draft(), version));
        await Assert.ThrowsAsync<AccessRefusedException>(() => _vendors.Vendors.RecordSecurityProfileAsync(id, Security(), version));
        await Assert.ThrowsAsync<AccessRefusedException>(() => _vendors.Vendors.RemoveCertificationAsync(id, CertificationKind.Soc2TypeII, version));
    }

    [Fact]
    public async Task Only_IT_leads_and_administrators_keep_the_security_fields()
    {
        await _database.PlayAsync(Accounts.Training);
        var id = await _vendors.Vendors.RegisterAsync(VendorScenario.Draft());
        var version = await _vendors.VendorVersionAsync(id);
        Assert.Equal(new VendorPermissions(true, false), (await _vendors.VendorReads.GetAsync(id))!.Can);

        var refusal = await Assert.ThrowsAsync<AccessRefusedException>(() => _vendors.Vendors.RecordSecurityProfileAsync(id, Security(), version));
        await Assert.ThrowsAsync<AccessRefusedException>(() => _vendors.Vendors.RecordCertificationAsync(id, CertificationKind.Iso27001, new DateOnly(2029, 1, 1), version));
        Assert.Equal("Only IT leads and administrators keep a vendor's certifications, questionnaire, DPA and data residency.", refusal.Message);

        await _database.PlayAsync(Accounts.ItLead);
        await _vendors.Vendors.RecordSecurityProfileAsync(id, Security(), version);
        await _vendors.Vendors.RecordCertificationAsync(id, CertificationKind.Iso27001, new DateOnly(2029, 1, 1), await _vendors.VendorVersionAsync(id));
        await _database.PlayAsync(Accounts.Admin);
        await _vendors.Vendors.RecordCertificationAsync(id, CertificationKind.Soc2TypeII, new DateOnly(2027, 9, 30), await _vendors.VendorVersionAsync(id));

        var vendor = (await _vendors.VendorReads.GetAsync(id))!;
        Assert.Equal((QuestionnaireKind.SigLite, QuestionnaireStatus.Answered, true, "EU (Frankfurt)"),
            (vendor.Questionnaire, vendor.QuestionnaireStatus, vendor.DpaSigned, vendor.DataResidency));
        Assert.Equal([CertificationKind.Soc2TypeII, CertificationKind.Iso27001], vendor.Certifications.Select(c => c.Kind));
    }

    [Fact]
    public async Task A_second_record_of_the_same_company_and_a_bad_email_are_refused_beside_their_fields()
    {
        await _vendors.VendorAsync();

        var duplicate = await Assert.ThrowsAsync<ValidationFailedException>(() => _vendors.Vendors.RegisterAsync(VendorScenario.Draft("coursecraft ltd ")));
        var email = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            _vendors.Vendors.RegisterAsync(VendorScenario.Draft("Other").WithEmail("not-an-address")));

        Assert.Equal(["Coursecraft Ltd is already in the registry."], duplicate.Errors[nameof(VendorDraft.Name)]);
        Assert.Equal(["Give an e-mail address such as name@vendor.com."], email.Errors[nameof(VendorDraft.ContactEmail)]);
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_is_a_conflict_that_names_them()
    {
        var id = await _vendors.VendorAsync();
        var seen = await _vendors.VendorVersionAsync(id);
        await _vendors.Vendors.RecordSecurityProfileAsync(id, Security(), seen);
        await _database.PlayAsync(Accounts.Training);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            _vendors.Vendors.DescribeAsync(id, VendorScenario.Draft().WithContact("Someone"), seen));

        Assert.StartsWith("Ivan", conflict.Message);
        Assert.Equal("Nina Holm", (await _vendors.VendorReads.GetAsync(id))!.ContactName);
    }

    [Fact]
    public async Task Every_change_to_a_vendor_is_in_the_audit_trail()
    {
        var id = await _vendors.VendorAsync(soc2ExpiresInDays: 90);

        await using var db = await _database.CreateDbContextAsync();
        var entries = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Vendor) || a.EntityType == nameof(VendorCertification))
            .Select(a => new { a.EntityType, a.Action, a.UserName }).ToListAsync();
        Assert.Contains(entries, e => e is { EntityType: nameof(Vendor), Action: "Created" });
        Assert.Contains(entries, e => e is { EntityType: nameof(VendorCertification), Action: "Created" });
        Assert.All(entries, e => Assert.StartsWith("Ivan", e.UserName));
    }

    [Fact]
    public async Task The_list_is_paged_by_name_searchable_filtered_to_vendors_needing_attention_in_a_fixed_number_of_statements()
    {
        await _vendors.VendorAsync("Beta Hosting", soc2ExpiresInDays: 30);
        await _vendors.VendorAsync("Alpha Courses", soc2ExpiresInDays: 400);
        await _vendors.VendorAsync("Gamma Support");
        _database.Statements.Reset();

        var all = await _vendors.VendorReads.ListAsync(new VendorListQuery(), new PageRequest(0, 2));
        var statements = _database.Statements.Count;

        Assert.Equal(3, all.TotalCount);
        Assert.Equal(["Alpha Courses", "Beta Hosting"], all.Items.Select(v => v.Name));
        Assert.Equal(2, statements);
        Assert.Equal(["Beta Hosting"], (await _vendors.VendorReads.ListAsync(new VendorListQuery(NeedingAttentionOnly: true), new PageRequest())).Items.Select(v => v.Name));
        Assert.Equal(["Gamma Support"], (await _vendors.VendorReads.ListAsync(new VendorListQuery("gamm"), new PageRequest())).Items.Select(v => v.Name));
    }
}

internal static class VendorDraftChanges
{
    public static VendorDraft WithContact(this VendorDraft draft, string contact)
    {
        draft.ContactName = contact;
        return draft;
    }

    public static VendorDraft WithEmail(this VendorDraft draft, string email)
    {
        draft.ContactEmail = email;
        return draft;
    }
}
