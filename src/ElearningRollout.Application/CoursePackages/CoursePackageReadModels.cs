using ElearningRollout.Domain.CoursePackages;
using ElearningRollout.Domain.Vendors;

namespace ElearningRollout.Application.CoursePackages;

/// <summary>A deliverable's latest package and its pre-flight report, as the deliverable and the gates show it.</summary>
public sealed record CoursePackageView(
    Guid Id, DeliverableStage Stage, string FileName, long PackageBytes, string Sha256, DateTimeOffset CheckedAt, string CheckedBy,
    CoursePackageReport Report);

/// <summary>One deliverable's package report offered as evidence on an Integration or Security gate.</summary>
public sealed record CoursePackageEvidenceRow(Guid EngagementId, string VendorName, CoursePackageView Package);

/// <summary>A package just uploaded and kept: its check's id, its name and size, and its pre-flight report.</summary>
public sealed record CoursePackageReceipt(Guid Id, string FileName, long PackageBytes, CoursePackageReport Report);
