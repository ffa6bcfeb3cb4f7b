using ElearningRollout.Application.Common;
using ElearningRollout.Application.CoursePackages;
using ElearningRollout.Application.Tests.Vendors;
using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CoursePackages;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Vendors;
using ElearningRollout.Tests.Shared.CoursePackages;
using Microsoft.EntityFrameworkCore;
using Accounts = ElearningRollout.Application.Tests.Infrastructure.SqliteTestDatabase.Accounts;

namespace ElearningRollout.Application.Tests.CoursePackages;

/// <summary>Uploading a package on a deliverable: kept with its report, shown on the deliverable and the gates; hostile ones leave nothing.</summary>
public sealed class CoursePackageUploadTests : VendorTestBase
{
    private CoursePackageCommands Packages => Database.Get<CoursePackageCommands>();

    private async Task<(string Code, Guid Id)> ContractedCourseDevelopmentAsync(string? contentStandards = null)
    {
        var (code, id) = await Scenario.EngagementAsync(await Scenario.VendorAsync(), EngagementType.CourseDevelopment, VendorScenario.Contract(withSla: false));
        if (contentStandards is not null)
        {
            await Database.PlayAsync(Accounts.ItLead);
            var requirement = (await Scenario.EngagementAsync(code, id)).Requirements.Single(r => r.Topic == ContentStandardRequirement.Topic);
            await Scenario.Engagements.ChangeRequirementAsync(id, requirement.Id,
                new Application.Vendors.RequirementDraft { Topic = requirement.Topic, Text = contentStandards }, await Scenario.VersionAsync(code, id));
            await Database.PlayAsync(Accounts.Training);
        }

        await Scenario.MoveAsync(code, id, EngagementStatus.Evaluating, EngagementStatus.Contracted);
        return (code, id);
    }

    private Task<CoursePackageReceipt> UploadAsync(Guid id, byte[] zip, DeliverableStage stage = DeliverableStage.Alpha, string name = "safe-lifting.zip") =>
        Packages.UploadAsync(id, stage, name, new MemoryStream(zip));

    private string[] FilesInStore() =>
        Directory.Exists(Database.PackagesPath) ? Directory.GetFiles(Database.PackagesPath, "*", SearchOption.AllDirectories) : [];

    private async Task<int> ChecksInDatabaseAsync()
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.VendorEngagements.SelectMany(e => e.PackageChecks).CountAsync();
    }

    [Fact]
    public async Task An_uploaded_package_is_kept_in_the_store_and_its_report_shows_on_the_deliverable()
    {
        var (code, id) = await ContractedCourseDevelopmentAsync();
        var zip = CoursePackageBuilder.Scorm2004().Build();

        await UploadAsync(id, zip);

        var alpha = (await Scenario.EngagementAsync(code, id)).Deliverables.Single(d => d.Stage == DeliverableStage.Alpha);
        var package = Assert.IsType<CoursePackageView>(alpha.Package);
        Assert.Equal(("safe-lifting.zip", zip.LongLength, "Tara Training", PackageStandard.Scorm2004FourthEdition, true),
            (package.FileName, package.PackageBytes, package.CheckedBy, package.Report.Standard!.Value, package.Report.Passed));
        var stored = Assert.Single(FilesInStore());
        Assert.Equal(zip, await File.ReadAllBytesAsync(stored));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(zip)), package.Sha256);
        Assert.True(alpha.CanCheckPackage);
    }

    [Fact]
    public async Task The_vendor_package_with_an_http_script_and_the_wrong_scorm_version_is_flagged_with_both()
    {
        var (code, id) = await ContractedCourseDevelopmentAsync("SCORM 2004 4th edition required; tested in our LMS before release.");
        var zip = CoursePackageBuilder.Scorm12()
            .Edit("index.html", "<script src=\"js/course.js\">", "<script src=\"http://analytics.example.net/track.js\"></script><script src=\"js/course.js\">")
            .Build();

        await UploadAsync(id, zip);

        var report = (await Scenario.EngagementAsync(code, id)).Deliverables.Single(d => d.Stage == DeliverableStage.Alpha).Package!.Report;
        Assert.False(report.Passed);
        Assert.Contains(report.Findings, f => f is { Check: PackageCheck.Standard, Severity: FindingSeverity.Error }
            && f.Message == "The package is SCORM 1.2; the engagement's \"Content standards\" requirement asks for SCORM 2004 4th edition.");
        Assert.Contains(report.Findings, f => f is { Check: PackageCheck.ExternalHosts, Severity: FindingSeverity.Error } && f.Message.Contains("http://analytics.example.net", StringComparison.Ordinal));
        Assert.Contains(new PackageHost("analytics.example.net", true, "index.html"), report.Hosts);
    }

    public static TheoryData<string> HostileArchives => ["zip bomb", "lying zip bomb", "../../x", "absolute path", "link", "not a zip", "corrupt"];

    private static byte[] Hostile(string kind) => kind switch
    {
        "zip bomb" => CoursePackageBuilder.Hostile.Bomb(24L << 20),
        "lying zip bomb" => CoursePackageBuilder.Hostile.LyingBomb(24L << 20),
        "../../x" => CoursePackageBuilder.Hostile.WithEntryNamed("../../x"),
        "absolute path" => CoursePackageBuilder.Hostile.WithEntryNamed("/etc/cron.d/x"),
        "link" => CoursePackageBuilder.Hostile.WithLink(),
        "not a zip" => CoursePackageBuilder.Hostile.NotAZip(),
        _ => CoursePackageBuilder.Hostile.Corrupt(),
    };

    [Theory]
    [MemberData(nameof(HostileArchives))]
    public async Task A_hostile_archive_is_refused_audited_and_leaves_nothing_in_the_store_or_the_database(string kind)
    {
        var (code, id) = await ContractedCourseDevelopmentAsync();
        var version = await Scenario.VersionAsync(code, id);

        var refusal = await Assert.ThrowsAsync<DomainException>(() => UploadAsync(id, Hostile(kind), name: "course.zip"));

        Assert.StartsWith("The package was refused: ", refusal.Message);
        Assert.Empty(FilesInStore());
        Assert.Equal(0, await ChecksInDatabaseAsync());
        Assert.Equal(version, await Scenario.VersionAsync(code, id));
        await using var db = await Database.CreateDbContextAsync();
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == CoursePackageCommands.AuditEntityType);
        Assert.Equal((CoursePackageCommands.RefusedAction, id.ToString()), (audit.Action, audit.EntityId));
        Assert.Contains("course.zip", audit.After);
    }

    [Fact]
    public async Task An_upload_past_the_size_limit_stops_being_read_and_leaves_nothing()
    {
        var (_, id) = await ContractedCourseDevelopmentAsync();
        // As if Storage:MaxPackageBytes were 2 MB, so the test does not write a gigabyte.
        var limit = Database.Get<CoursePackageStore>().Limits.MaxPackageBytes = 2L << 20;
        var endless = new EndlessStream();

        var refusal = await Assert.ThrowsAsync<DomainException>(() => Packages.UploadAsync(id, DeliverableStage.Alpha, "huge.zip", endless));

        Assert.Equal("The package was refused: The package is larger than 2 MB, the most accepted.", refusal.Message);
        Assert.InRange(endless.Served, limit, limit + 81920);
        Assert.Empty(FilesInStore());
    }

    [Fact]
    public async Task A_signed_off_stage_and_the_storyboard_take_no_package_and_nothing_is_read()
    {
        var (code, id) = await ContractedCourseDevelopmentAsync();
        await Scenario.Engagements.SubmitDeliverableAsync(id, DeliverableStage.Storyboard, null, await Scenario.VersionAsync(code, id));
        await Scenario.Engagements.SignOffDeliverableAsync(id, DeliverableStage.Storyboard, await Scenario.VersionAsync(code, id));
        await Scenario.Engagements.SubmitDeliverableAsync(id, DeliverableStage.Alpha, null, await Scenario.VersionAsync(code, id));
        await Scenario.Engagements.SignOffDeliverableAsync(id, DeliverableStage.Alpha, await Scenario.VersionAsync(code, id));
        var content = new EndlessStream();

        var signedOff = await Assert.ThrowsAsync<DomainException>(() => Packages.UploadAsync(id, DeliverableStage.Alpha, "alpha.zip", content));
        var storyboard = await Assert.ThrowsAsync<DomainException>(() => Packages.UploadAsync(id, DeliverableStage.Storyboard, "storyboard.zip", content));

        Assert.Equal("The alpha is signed off; its package report is on record and no new package is checked for it.", signedOff.Message);
        Assert.Equal("A storyboard is a document, not a course package; packages are checked from the alpha on.", storyboard.Message);
        Assert.Equal(0, content.Served);
        var deliverables = (await Scenario.EngagementAsync(code, id)).Deliverables;
        Assert.Equal([DeliverableStage.Beta, DeliverableStage.Gold], deliverables.Where(d => d.CanCheckPackage).Select(d => d.Stage));
    }

    [Fact]
    public async Task Someone_who_may_not_record_deliverables_may_not_upload_and_nothing_is_read()
    {
        var (_, id) = await ContractedCourseDevelopmentAsync();
        await Database.PlayAsync(Accounts.ItLead);
        var content = new EndlessStream();

        await Assert.ThrowsAsync<AccessRefusedException>(() => Packages.UploadAsync(id, DeliverableStage.Alpha, "alpha.zip", content));

        Assert.Equal(0, content.Served);
        Assert.Empty(FilesInStore());
    }

    [Fact]
    public async Task The_reports_are_offered_on_the_integration_and_security_gates_only()
    {
        var (code, id) = await ContractedCourseDevelopmentAsync();
        await UploadAsync(id, CoursePackageBuilder.Cmi5().Build());
        await using var db = await Database.CreateDbContextAsync();
        var gates = await db.ClearanceGates.Where(g => db.Rollouts.Any(r => r.Id == g.RolloutId && r.Code == code)).Select(g => new { g.Kind, g.Id }).ToDictionaryAsync(g => g.Kind, g => g.Id);
        var queries = Database.Get<CoursePackageQueries>();

        var security = await queries.EvidenceForGateAsync(gates[GateKind.SecurityReview]);
        var other = gates.Where(g => !CoursePackageQueries.EvidenceGates.Contains(g.Key)).Select(g => g.Value).First();

        var row = Assert.Single(security!);
        Assert.Equal(("Coursecraft Ltd", DeliverableStage.Alpha, PackageStandard.Cmi5), (row.VendorName, row.Package.Stage, row.Package.Report.Standard!.Value));
        Assert.Empty((await queries.EvidenceForGateAsync(other))!);
        Assert.Null(await queries.EvidenceForGateAsync(Guid.NewGuid()));
    }

    /// <summary>An upload that never ends; counts what was read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Served += count;
            return count;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => Served; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
