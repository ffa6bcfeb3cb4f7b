using System.Text.Json;
using System.Text.Json.Serialization;
using ElearningRollout.Domain.CostSharing;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ElearningRollout.Application.Persistence.Configurations;

/// <summary>
/// Value objects of cost sharing stored as JSON text: a line's split (replaced whole, never queried
/// share by share) and a signed version's frozen lines (written once, read whole).
/// </summary>
internal static class CostSharingJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter(), new CostSplitConverter() },
    };

    public static readonly ValueConverter<CostSplit, string> SplitConverter = new(
        split => JsonSerializer.Serialize(split, Options),
        json => JsonSerializer.Deserialize<CostSplit>(json, Options)!);

    public static readonly ValueConverter<IReadOnlyList<CostLineSnapshot>, string> SnapshotConverter = new(
        lines => JsonSerializer.Serialize(lines, Options),
        json => JsonSerializer.Deserialize<List<CostLineSnapshot>>(json, Options)!);

    // Snapshots never change after they are written, so comparing the lists by their lines is enough.
    public static readonly ValueComparer<IReadOnlyList<CostLineSnapshot>> SnapshotComparer = new(
        (a, b) => a!.SequenceEqual(b!),
        lines => lines.Aggregate(0, (hash, line) => HashCode.Combine(hash, line.LineId)),
        lines => lines);

    /// <summary>Writes the shares only; reading goes through the split's constructor, so stored splits are checked again.</summary>
    private sealed class CostSplitConverter : JsonConverter<CostSplit>
    {
        public override CostSplit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            new(JsonSerializer.Deserialize<List<DepartmentShare>>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, CostSplit value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.Shares, options);
    }
}
