using ElearningRollout.Domain.CoursePackages;
using ElearningRollout.Domain.Vendors;

namespace ElearningRollout.Application.CoursePackages;

/// <summary>A deliverable's latest package and its pre-flight report, as the deliverable and the gates show it.</summary>
public sealed record CoursePackageView(
    Guid Id, DeliverableStage Stage, string FileName, long PackageBytes, string Sha256, DateTimeOffset CheckedAt, string CheckedBy,
    CoursePackageReport Report);

/// <summary>One deliverable's package report offered as evidence on an Integration or Security gate.</summary>
public sealed record CoursePackageEvidenceRow(Guid EngagementId, string VendorName, CoursePackageView Package);
