namespace ElearningRollout.Application.Administration;

/// <summary>One department on /admin/departments, with how many people belong to it.</summary>
public sealed record DepartmentRow(int Id, string Name, int People);
