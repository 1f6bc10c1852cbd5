using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace LeadsAgent.Infrastructure.Persistence;

/// <summary>
/// Gives every column its snake_case name (BusinessId -> business_id), and keys and foreign keys the names PostgreSQL
/// gave them in the schema the SQL files created (businesses_pkey, leads_business_id_fkey), so migrations generated
/// from the model name the constraints that really exist.
/// </summary>
static class SnakeCaseNames
{
    public static void Apply(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            var table = entity.GetTableName();
            if (table is null)
            {
                continue;
            }

            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            foreach (var property in entity.GetProperties())
            {
                var current = property.GetColumnName(store);
                if (current == property.Name)
                {
                    property.SetColumnName(ToSnakeCase(property.Name));
                }
            }

            entity.FindPrimaryKey()?.SetName(table + "_pkey");
            foreach (var foreignKey in entity.GetForeignKeys())
            {
                var columns = foreignKey.Properties.Select(p => p.GetColumnName(store));
                foreignKey.SetConstraintName($"{table}_{string.Join('_', columns)}_fkey");
            }
        }
    }

    public static string ToSnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                var boundary = i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (boundary)
                {
                    sb.Append('_');
                }

                sb.Append(char.ToLowerInvariant(c));
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }
}
