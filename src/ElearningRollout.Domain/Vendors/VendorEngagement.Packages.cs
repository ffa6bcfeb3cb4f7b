using ElearningRollout.Domain.Common;
using ElearningRollout.Domain.CoursePackages;

namespace ElearningRollout.Domain.Vendors;

/// <summary>
/// Course package pre-flight: the vendor's zip for the alpha, beta or gold is checked and its report kept with the
/// deliverable (docs/domain.md, "Course package pre-flight"). Every upload is kept; the latest one is the stage's report.
/// </summary>
public sealed partial class VendorEngagement
{
    private readonly List<CoursePackageCheck> _packageChecks = [];

    public IReadOnlyList<CoursePackageCheck> PackageChecks => _packageChecks;

    /// <summary>Whether <see cref="RecordPackageCheck"/> accepts a package for <paramref name="stage"/> now (what the screen offers).</summary>
    public bool MayCheckPackage(DeliverableStage stage) => PackageCheckRefusal(stage) is null;

    /// <summary>Throws the reason a package for <paramref name="stage"/> would be refused, before anything is uploaded.</summary>
    public void EnsureMayCheckPackage(DeliverableStage stage)
    {
        if (PackageCheckRefusal(stage) is { } refusal)
        {
            throw new DomainException(refusal);
        }
    }

    /// <summary>Keeps the report of a package that was checked (a hostile archive is refused before it gets here).</summary>
    public CoursePackageCheck RecordPackageCheck(
        DeliverableStage stage, string fileName, string storedFile, long packageBytes, string sha256, CoursePackageReport report,
        string byId, DateTimeOffset now)
    {
        EnsureMayCheckPackage(stage);
        var check = new CoursePackageCheck(
            stage,
            Require.Text(fileName, "The package's file name", CoursePackageCheck.MaxFileNameLength),
            Require.Text(storedFile, "Where the package is stored", CoursePackageCheck.MaxStoredFileLength),
            packageBytes,
            Require.Text(sha256, "The package's checksum", 64),
            report,
            Require.UserId(byId, "The person uploading the package"),
            now);
        _packageChecks.Add(check);
        return check;
    }

    /// <summary>The stage's latest report, or null when no package was checked for it.</summary>
    public CoursePackageCheck? LatestPackageCheck(DeliverableStage stage) =>
        _packageChecks.Where(c => c.Stage == stage).OrderByDescending(c => c.CheckedAt).ThenByDescending(c => c.Id).FirstOrDefault();

    private string? PackageCheckRefusal(DeliverableStage stage)
    {
        if (IsFinal)
        {
            return $"The engagement is {Status.ToString().ToLowerInvariant()}; its deliverables are a record.";
        }

        if (Type != EngagementType.CourseDevelopment)
        {
            return "Only course-development engagements have course packages.";
        }

        if (Status is not (EngagementStatus.Contracted or EngagementStatus.Active))
        {
            return "Course packages are checked once the engagement is contracted.";
        }

        if (stage == DeliverableStage.Storyboard)
        {
            return "A storyboard is a document, not a course package; packages are checked from the alpha on.";
        }

        var deliverable = _deliverables.SingleOrDefault(d => d.Stage == stage);
        if (deliverable is null)
        {
            return "Only course-development engagements have course packages.";
        }

        return deliverable.State == DeliverableState.SignedOff
            ? $"The {Name(stage)} is signed off; its package report is on record and no new package is checked for it."
            : null;
    }
}
