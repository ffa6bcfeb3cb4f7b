using ElearningRollout.Application.CoursePackages;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Application.Rollouts;
using ElearningRollout.Application.Seeding;
using ElearningRollout.Application.Tests.Infrastructure;
using ElearningRollout.Application.Vendors;
using ElearningRollout.Domain.CoursePackages;
using ElearningRollout.Domain.Gates;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Tests.CoursePackages;

/// <summary>
/// The demo's course package (a real SCORM package built at seed time) on Coursecraft's alpha for ELR-0002, and the
/// package store's clean-up of uploads a crash left behind.
/// </summary>
public sealed class DemoCoursePackageTests : DatabaseTest
{
    private string[] FilesInStore() =>
        Directory.Exists(Database.PackagesPath) ? Directory.GetFiles(Database.PackagesPath, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task The_demo_alpha_is_a_scorm_12_package_flagged_on_the_gates_for_its_http_script_and_its_version_once()
    {
        var factory = Database.Get<IDbContextFactory<ElearningRolloutDbContext>>();
        await new DemoRolloutsSeeder(factory, Database.Clock).SeedAsync(CancellationToken.None);
        await new DemoVendorsSeeder(factory, Database.Clock).SeedAsync(CancellationToken.None);
        var seeder = new DemoCoursePackageSeeder(factory, Database.Get<CoursePackageStore>(), Database.Clock);

        await seeder.SeedAsync(CancellationToken.None);
        await seeder.SeedAsync(CancellationToken.None);

        var stored = Assert.Single(FilesInStore());
        Assert.Equal(DemoCoursePackageSeeder.Package(), await File.ReadAllBytesAsync(stored));
        await Database.PlayAsync(SqliteTestDatabase.Accounts.Executive);
        var rollout = (await Database.Get<RolloutQueries>().GetAsync(DemoCoursePackageSeeder.RolloutCode))!;
        foreach (var kind in CoursePackageQueries.EvidenceGates)
        {
            var evidence = Assert.Single((await Database.Get<CoursePackageQueries>().EvidenceForGateAsync(rollout.Gates.Single(g => g.Kind == kind).Id))!);
            Assert.Equal(("Coursecraft Learning Ltd", DeliverableStage.Alpha, DemoCoursePackageSeeder.FileName, PackageStandard.Scorm12, false),
                (evidence.VendorName, evidence.Package.Stage, evidence.Package.FileName, evidence.Package.Report.Standard, evidence.Package.Report.Passed));
            var errors = evidence.Package.Report.Findings.Where(f => f.Severity == FindingSeverity.Error).ToList();
            Assert.Equal(2, errors.Count);
            Assert.Contains(errors, f => f is { Check: PackageCheck.Standard }
                && f.Message == "The package is SCORM 1.2; the engagement's \"Content standards\" requirement asks for SCORM 2004 4th edition.");
            Assert.Contains(errors, f => f.Check == PackageCheck.ExternalHosts && f.Message.Contains("http://stats.coursecraft-analytics.example", StringComparison.Ordinal));
        }

        await using var db = await Database.CreateDbContextAsync();
        var engagement = await EngagementStore.Whole(db).SingleAsync(e => e.RolloutId == rollout.Id && e.Type == EngagementType.CourseDevelopment);
        Assert.Single(engagement.PackageChecks);
        Assert.Equal(stored, Path.Combine(Database.PackagesPath, engagement.PackageChecks[0].StoredFile));
    }

    [Fact]
    public void Uploads_abandoned_before_the_cut_off_are_removed_and_one_still_being_written_stays()
    {
        var store = Database.Get<CoursePackageStore>();
        var incoming = Directory.CreateDirectory(Path.Combine(Database.PackagesPath, ".incoming")).FullName;
        var abandoned = Path.Combine(incoming, $"{Guid.NewGuid():N}.upload");
        var inFlight = Path.Combine(incoming, $"{Guid.NewGuid():N}.upload");
        var kept = Directory.CreateDirectory(Path.Combine(Database.PackagesPath, Guid.NewGuid().ToString("N"))).FullName;
        var placed = Path.Combine(kept, "package.zip");
        File.WriteAllBytes(abandoned, [1, 2, 3]);
        File.WriteAllBytes(inFlight, [4, 5, 6]);
        File.WriteAllBytes(placed, [7, 8, 9]);
        var now = DateTimeOffset.UtcNow;
        File.SetLastWriteTimeUtc(abandoned, now.AddHours(-2).UtcDateTime);
        File.SetLastWriteTimeUtc(placed, now.AddHours(-2).UtcDateTime);

        var removed = store.RemoveAbandonedUploads(now.AddHours(-1));

        Assert.Equal(1, removed);
        Assert.False(File.Exists(abandoned));
        Assert.True(File.Exists(inFlight));
        // Checked packages are never temporary, however old.
        Assert.True(File.Exists(placed));
        Assert.Equal(0, store.RemoveAbandonedUploads(now.AddHours(-1)));
    }

    [Fact]
    public void A_store_that_never_received_an_upload_has_nothing_to_clear()
    {
        Assert.Equal(0, Database.Get<CoursePackageStore>().RemoveAbandonedUploads(DateTimeOffset.UtcNow));
    }
}
