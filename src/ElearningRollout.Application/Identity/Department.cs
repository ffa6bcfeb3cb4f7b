namespace ElearningRollout.Application.Identity;

/// <summary>
/// An organisational unit that people belong to and costs are split between.
/// Training, IT and Leadership are seeded; administrators may add more.
/// </summary>
public sealed class Department
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}
