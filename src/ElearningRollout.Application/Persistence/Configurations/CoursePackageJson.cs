using System.Text.Json;
using System.Text.Json.Serialization;
using ElearningRollout.Domain.CoursePackages;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ElearningRollout.Application.Persistence.Configurations;

/// <summary>A course package's pre-flight report stored as JSON text: written once when the package is checked, read whole.</summary>
internal static class CoursePackageJson
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new JsonStringEnumConverter() } };

    public static readonly ValueConverter<CoursePackageReport, string> ReportConverter = new(
        report => JsonSerializer.Serialize(report, Options),
        json => JsonSerializer.Deserialize<CoursePackageReport>(json, Options)!);

    // Reports never change after they are written; comparing their JSON is enough.
    public static readonly ValueComparer<CoursePackageReport> ReportComparer = new(
        (a, b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options),
        report => JsonSerializer.Serialize(report, Options).GetHashCode(StringComparison.Ordinal),
        report => report);
}
