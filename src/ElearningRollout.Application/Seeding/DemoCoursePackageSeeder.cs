using System.IO.Compression;
using System.Text;
using ElearningRollout.Application.Audit;
using ElearningRollout.Application.CoursePackages;
using ElearningRollout.Application.Persistence;
using ElearningRollout.Domain.CoursePackages;
using ElearningRollout.Domain.Vendors;
using Microsoft.EntityFrameworkCore;

namespace ElearningRollout.Application.Seeding;

/// <summary>
/// The demo's course package: Coursecraft's alpha on ELR-0002 (Plant compliance training with SAP) is a real SCORM
/// package, built here at seed time and put through the same store and pre-flight check as an upload. It is the vendor
/// package the issue describes: SCORM 1.2 where IT's "Content standards" requirement asks for SCORM 2004 4th edition, and
/// a tracking script loaded over plain http, so the deliverable and the Integration and Security gates show both findings.
/// Runs after the demo vendors; does nothing once the engagement has a package.
/// </summary>
public sealed class DemoCoursePackageSeeder(IDbContextFactory<ElearningRolloutDbContext> dbFactory, CoursePackageStore store, TimeProvider clock) : IDemoDataSeeder
{
    public const string RolloutCode = "ELR-0002";
    public const string FileName = "plant-compliance-alpha.zip";
    public const string ContentStandards = "SCORM 2004 4th edition required; packages are tested in our LMS before release.";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rollout = await db.Rollouts.Where(r => r.Code == RolloutCode).Select(r => new { r.Id, r.TrainingOwnerId }).SingleOrDefaultAsync(cancellationToken);
        if (rollout is null)
        {
            return;
        }

        var engagement = await Vendors.EngagementStore.Whole(db)
            .Where(e => e.RolloutId == rollout.Id && e.Type == EngagementType.CourseDevelopment)
            .FirstOrDefaultAsync(cancellationToken);
        if (engagement is null || engagement.PackageChecks.Count > 0 || !engagement.MayCheckPackage(DeliverableStage.Alpha))
        {
            return;
        }

        // IT has pinned the standard the LMS is certified for.
        if (engagement.Requirements.FirstOrDefault(r => string.Equals(r.Topic, ContentStandardRequirement.Topic, StringComparison.OrdinalIgnoreCase)) is { } standards)
        {
            engagement.ChangeRequirement(standards.Id, standards.Topic, ContentStandards);
        }
        else
        {
            engagement.AddRequirement(ContentStandardRequirement.Topic, ContentStandards);
        }

        using var incoming = await store.ReceiveAsync(new MemoryStream(Package()), cancellationToken);
        CoursePackageReport report;
        await using (var zip = incoming.OpenRead())
        {
            report = CoursePackageInspector.Inspect(zip, store.Limits, ContentStandardRequirement.AcceptedBy(engagement.Requirements));
        }

        var placed = store.Place(incoming, engagement.Id);
        try
        {
            engagement.RecordPackageCheck(DeliverableStage.Alpha, FileName, placed, incoming.Length, incoming.Sha256, report,
                rollout.TrainingOwnerId, clock.GetUtcNow().AddDays(-1));
            db.AuditActor = AuditActor.System;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            store.Remove(placed);
            throw;
        }
    }

    /// <summary>The vendor's alpha: a SCORM 1.2 course of two lessons whose launch page loads an analytics script over http.</summary>
    public static byte[] Package()
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["imsmanifest.xml"] = """
                <?xml version="1.0" encoding="UTF-8"?>
                <manifest identifier="com.coursecraft.plant-compliance" version="0.9" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2">
                  <metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>
                  <organizations default="plant-compliance">
                    <organization identifier="plant-compliance">
                      <title>Plant compliance: lockout and SAP work orders</title>
                      <item identifier="lesson-1" identifierref="res-lesson-1"><title>Lockout, tagout</title></item>
                      <item identifier="lesson-2" identifierref="res-lesson-2"><title>Work orders in SAP</title></item>
                    </organization>
                  </organizations>
                  <resources>
                    <resource identifier="res-lesson-1" type="webcontent" adlcp:scormtype="sco" href="index.html">
                      <file href="index.html"/>
                      <file href="css/course.css"/>
                      <file href="js/course.js"/>
                    </resource>
                    <resource identifier="res-lesson-2" type="webcontent" adlcp:scormtype="sco" href="lesson-2.html">
                      <file href="lesson-2.html"/>
                      <file href="css/course.css"/>
                      <file href="js/course.js"/>
                    </resource>
                  </resources>
                </manifest>
                """,
            ["index.html"] = Page("Lockout, tagout", "<script src=\"http://stats.coursecraft-analytics.example/track.js\"></script>"),
            ["lesson-2.html"] = Page("Work orders in SAP", ""),
            ["css/course.css"] = "body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 48rem; }",
            ["js/course.js"] = "window.addEventListener('load', function () { if (window.parent && window.parent.API) { window.parent.API.LMSInitialize(''); } });",
        };
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (path, content) in files)
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                // A fixed date: the same package, byte for byte, whenever the demo is seeded.
                entry.LastWriteTime = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
                using var stream = entry.Open();
                stream.Write(Encoding.UTF8.GetBytes(content));
            }
        }

        return memory.ToArray();
    }

    private static string Page(string title, string extraScript) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>{title}</title>
          <link rel="stylesheet" href="css/course.css">
          {extraScript}
          <script src="js/course.js"></script>
        </head>
        <body><h1>{title}</h1></body>
        </html>
        """;
}
