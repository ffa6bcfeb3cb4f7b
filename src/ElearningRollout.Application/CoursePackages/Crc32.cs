namespace ElearningRollout.Application.CoursePackages;

/// <summary>The zip format's CRC-32 (IEEE 802.3, reflected), to compare an entry's inflated bytes with its header.</summary>
internal sealed class Crc32
{
    private static readonly uint[] Table = Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    }).ToArray();

    private uint _crc = 0xFFFFFFFFu;

    public void Append(ReadOnlySpan<byte> data)
    {
        var crc = _crc;
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        _crc = crc;
    }

    public uint Value => _crc ^ 0xFFFFFFFFu;
}
