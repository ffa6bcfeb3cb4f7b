using System.Globalization;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Persistence.Configurations;
using ElearningRollout.Domain.CoursePackages;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ElearningRollout.Application.Tests.Audit;

/// <summary>
/// The words the History and the audit log show for stored entries: values read as their properties' types in the real
/// model (the interceptor stores them as text), and entries recorded by hand (account events, SCIM provisioning, tokens),
/// which store whatever their values were, read as written.
/// </summary>
public class AuditTextTests
{
    private static readonly IModel Model = BuildModel();

    private static AuditText Text => AuditText.Of(Model);

    [Fact]
    public void Every_audited_entity_type_has_a_name_in_words()
    {
        var unnamed = Model.GetEntityTypes()
            .Where(t => AuditConvention.Of(t).IsAudited && !AuditText.HasSubject(t.ClrType.Name))
            .Select(t => t.ClrType.Name)
            .Distinct()
            .Order()
            .ToList();

        Assert.True(unnamed.Count == 0, $"Give these audited entity types a name in AuditText.Subjects: {string.Join(", ", unnamed)}");
    }

    [Fact]
    public void Kinds_of_record_and_actions_are_words()
    {
        Assert.Equal("Cost line", AuditText.Subject("CostLine"));
        Assert.Equal("Course package check", AuditText.Subject("CoursePackageCheck"));
        Assert.Equal("Signed in", AuditText.Action("SignedIn"));
        Assert.Equal("API token revoked", AuditText.Action("ApiTokenRevoked"));
    }

    [Fact]
    public void Enum_values_and_field_names_are_words()
    {
        var changed = Text.Changes("CostLine", """{"Category":"Licences"}""", """{"Category":"ImplementationServices"}""");
        var created = Text.Changes("GateReviewRound", null, """{"Decision":"ApprovedWithConditions"}""");
        var created2 = Text.Changes("CostLine", null, """{"Recurrence":"OneOff"}""");

        Assert.Equal("Category: Licences → Implementation services", changed);
        Assert.Equal("Decision: Approved with conditions", created);
        Assert.Equal("Recurrence: One-off", created2);
    }

    [Fact]
    public void A_value_that_ends_a_sentence_is_not_followed_by_a_semicolon()
    {
        var created = Text.Changes("RiskEntry", null, """{"Description":"Raised in the weekly stand-up.","Title":"Device policy"}""");

        Assert.Equal("Description: Raised in the weekly stand-up. Title: Device policy", created);
    }

    [Fact]
    public void A_day_is_written_as_the_product_writes_days()
    {
        // As the interceptor stores it: ToString() in the server's culture.
        var spentOn = new DateOnly(2026, 11, 16).ToString(CultureInfo.CurrentCulture);

        Assert.Equal("Spent on: 16 Nov 2026", Text.Changes("ActualSpend", null, $$"""{"SpentOn":"{{spentOn}}"}"""));
    }

    [Fact]
    public void A_moment_is_written_in_UTC_and_an_empty_value_before_it_as_none()
    {
        var decidedAt = new DateTimeOffset(2026, 12, 6, 2, 22, 27, TimeSpan.Zero).ToString(CultureInfo.CurrentCulture);

        var text = Text.Changes("GateReviewRound", """{"DecidedAt":null}""", $$"""{"DecidedAt":"{{decidedAt}}"}""");

        Assert.Equal("Decided at: (none) → 6 Dec 2026, 02:22 UTC", text);
    }

    [Fact]
    public void A_report_kept_as_JSON_has_its_lists_summarised()
    {
        var report = new CoursePackageReport(
            PackageStandard.Scorm12, "imsmanifest.xml", "index.html", 3, 2048, "video.mp4", 1024, ["Deflate", "Stored"],
            [new PackageFinding(PackageCheck.Standard, FindingSeverity.Warning, "a"), new PackageFinding(PackageCheck.Standard, FindingSeverity.Error, "b")],
            []);
        var json = (string)CoursePackageJson.ReportConverter.ConvertToProvider(report)!;

        var text = Text.Changes("CoursePackageCheck", null, System.Text.Json.JsonSerializer.Serialize(new { Report = json }));

        Assert.Contains($"Standard: {PackageStandard.Scorm12.DisplayName()}", text, StringComparison.Ordinal);
        Assert.Contains("File count: 3", text, StringComparison.Ordinal);
        Assert.Contains("Compression methods: Deflate, Stored", text, StringComparison.Ordinal);
        Assert.Contains("Findings: 2 items", text, StringComparison.Ordinal);
        Assert.Contains("Hosts: none", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_stored_before_it_was_kept_as_JSON_shows_no_type_names()
    {
        var report = new CoursePackageReport(PackageStandard.Scorm12, null, null, 1, 1, null, 1, ["Deflate"], [], []);

        var text = Text.Changes("CoursePackageCheck", null, System.Text.Json.JsonSerializer.Serialize(new { Report = report.ToString() }));

        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.Contains("CompressionMethods = (a list)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_that_are_not_text_are_shown_as_written()
    {
        var text = Text.Changes(
            "Account",
            """{"Active":true,"Learners":120,"Roles":["ItLead"],"Note":null}""",
            """{"Active":false,"Learners":150,"Roles":["ItLead","Executive"],"Note":"moved"}""");

        Assert.Equal("""Active: true → false; Learners: 120 → 150; Roles: ["ItLead"] → ["ItLead","Executive"]; Note: (none) → moved""", text);
    }

    [Fact]
    public void A_value_that_is_not_an_object_is_shown_whole()
    {
        Assert.Equal("Value: 42", Text.Changes("Account", null, "42"));
        Assert.Equal("Value: not json", Text.Changes("Account", null, "not json"));
    }

    private static IModel BuildModel()
    {
        // The real model only: nothing connects.
        using var db = new ElearningRolloutDbContext(new DbContextOptionsBuilder<ElearningRolloutDbContext>().UseSqlite("Data Source=:memory:").Options);
        return db.Model;
    }
}
