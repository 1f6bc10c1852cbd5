using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace LeadsAgent.Infrastructure.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Baseline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "businesses",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    business_type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    plan_tier = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    twilio_phone_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    notification_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    notification_phone_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    backup_phone_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    knowledge_version = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("businesses_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("roles_pkey", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "agent_configs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    persona_prompt = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    welcome_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    color_theme = table.Column<string>(type: "jsonb", nullable: false),
                    lead_capture_completion_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    voice_greeting_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    voice_completion_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    voice_emergency_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    voice_end_call_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    twilio_voice = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    twilio_language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    allowed_widget_origins = table.Column<string>(type: "jsonb", nullable: false),
                    extra_emergency_keywords = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("agent_configs_pkey", x => x.id);
                    table.ForeignKey(
                        name: "agent_configs_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_documents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    source = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    source_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("knowledge_documents_pkey", x => x.id);
                    table.ForeignKey(
                        name: "knowledge_documents_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leads",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    captured_data = table.Column<string>(type: "jsonb", nullable: false),
                    conversation_transcript = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    priority = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    contact_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    contact_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    contact_email = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: true),
                    address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    session_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    emergency_reasons = table.Column<string>(type: "jsonb", nullable: false),
                    recording_url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    alert_acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("leads_pkey", x => x.id);
                    table.ForeignKey(
                        name: "leads_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password_hash = table.Column<string>(type: "text", nullable: true),
                    security_stamp = table.Column<string>(type: "text", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "text", nullable: true),
                    phone_number = table.Column<string>(type: "text", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "boolean", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    access_failed_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("users_pkey", x => x.id);
                    table.ForeignKey(
                        name: "users_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "role_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("role_claims_pkey", x => x.id);
                    table.ForeignKey(
                        name: "role_claims_role_id_fkey",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "lead_capture_questions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    agent_config_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    question_text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    expected_format = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    is_required = table.Column<bool>(type: "boolean", nullable: false),
                    maps_to_lead_field = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    is_essential_for_emergency = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("lead_capture_questions_pkey", x => x.id);
                    table.ForeignKey(
                        name: "lead_capture_questions_agent_config_id_fkey",
                        column: x => x.agent_config_id,
                        principalTable: "agent_configs",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "lead_capture_questions_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_chunks",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    document_id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    heading_path = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    content = table.Column<string>(type: "text", nullable: false),
                    embedding = table.Column<float[]>(type: "real[]", nullable: true),
                    embedding_model = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("knowledge_chunks_pkey", x => x.id);
                    table.ForeignKey(
                        name: "knowledge_chunks_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "knowledge_chunks_document_id_fkey",
                        column: x => x.document_id,
                        principalTable: "knowledge_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "knowledge_gaps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    normalized_question = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    sample_question = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ask_count = table.Column<int>(type: "integer", nullable: false),
                    first_asked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_asked_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_session_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    answered_document_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answered_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("knowledge_gaps_pkey", x => x.id);
                    table.ForeignKey(
                        name: "knowledge_gaps_answered_document_id_fkey",
                        column: x => x.answered_document_id,
                        principalTable: "knowledge_documents",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "knowledge_gaps_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "conversations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    session_id = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    channel = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    messages = table.Column<string>(type: "jsonb", nullable: false),
                    analytics = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    started_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lead_id = table.Column<Guid>(type: "uuid", nullable: true),
                    call_sid = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    from_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to_number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("conversations_pkey", x => x.id);
                    table.ForeignKey(
                        name: "conversations_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "conversations_lead_id_fkey",
                        column: x => x.lead_id,
                        principalTable: "leads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "notifications",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lead_id = table.Column<Guid>(type: "uuid", nullable: true),
                    kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    next_attempt_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    last_error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    acknowledged_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("notifications_pkey", x => x.id);
                    table.ForeignKey(
                        name: "notifications_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "notifications_lead_id_fkey",
                        column: x => x.lead_id,
                        principalTable: "leads",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "plan_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    business_id = table.Column<Guid>(type: "uuid", nullable: false),
                    changed_by_user_id = table.Column<Guid>(type: "uuid", nullable: true),
                    changed_by_email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    from_plan = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    to_plan = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("plan_changes_pkey", x => x.id);
                    table.ForeignKey(
                        name: "plan_changes_business_id_fkey",
                        column: x => x.business_id,
                        principalTable: "businesses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "plan_changes_changed_by_user_id_fkey",
                        column: x => x.changed_by_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "user_claims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    claim_type = table.Column<string>(type: "text", nullable: true),
                    claim_value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("user_claims_pkey", x => x.id);
                    table.ForeignKey(
                        name: "user_claims_user_id_fkey",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_logins",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    provider_key = table.Column<string>(type: "text", nullable: false),
                    provider_display_name = table.Column<string>(type: "text", nullable: true),
                    user_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("user_logins_pkey", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "user_logins_user_id_fkey",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_roles",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("user_roles_pkey", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "user_roles_role_id_fkey",
                        column: x => x.role_id,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "user_roles_user_id_fkey",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "user_tokens",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    login_provider = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("user_tokens_pkey", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "user_tokens_user_id_fkey",
                        column: x => x.user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_business_started",
                table: "conversations",
                columns: new[] { "business_id", "started_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_conversations_lead",
                table: "conversations",
                column: "lead_id",
                filter: "lead_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_chunks_business_id",
                table: "knowledge_chunks",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_chunks_document_id",
                table: "knowledge_chunks",
                column: "document_id");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_documents_business_id",
                table: "knowledge_documents",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_knowledge_gaps_business",
                table: "knowledge_gaps",
                columns: new[] { "business_id", "status", "ask_count" },
                descending: new[] { false, false, true });

            migrationBuilder.CreateIndex(
                name: "ux_knowledge_gaps_open",
                table: "knowledge_gaps",
                columns: new[] { "business_id", "normalized_question" },
                unique: true,
                filter: "status = 'OPEN'");

            migrationBuilder.CreateIndex(
                name: "ix_lead_capture_questions_business_id",
                table: "lead_capture_questions",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_leads_business_created",
                table: "leads",
                columns: new[] { "business_id", "created_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ux_leads_business_session",
                table: "leads",
                columns: new[] { "business_id", "session_id" },
                unique: true,
                filter: "session_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_due",
                table: "notifications",
                column: "next_attempt_at",
                filter: "status = 'PENDING'");

            migrationBuilder.CreateIndex(
                name: "ix_notifications_lead",
                table: "notifications",
                column: "lead_id");

            migrationBuilder.CreateIndex(
                name: "ix_plan_changes_business",
                table: "plan_changes",
                columns: new[] { "business_id", "changed_at" },
                descending: new[] { false, true });

            migrationBuilder.CreateIndex(
                name: "ix_role_claims_role_id",
                table: "role_claims",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_roles_normalized_name",
                table: "roles",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_user_claims_user_id",
                table: "user_claims",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_logins_user_id",
                table: "user_logins",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_user_roles_role_id",
                table: "user_roles",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_business_id",
                table: "users",
                column: "business_id");

            migrationBuilder.CreateIndex(
                name: "ix_users_normalized_email",
                table: "users",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_users_normalized_user_name",
                table: "users",
                column: "normalized_user_name",
                unique: true);

            // What the model cannot say, written as the SQL files 0001-0004 of the old runner wrote it, so a database
            // made here and one made by those files (and marked as at this baseline, see SchemaUpgrade) are the same.
            // The three single-column UNIQUE constraints are constraints, as there, not bare unique indexes; the
            // model knows them as unique indexes of the same names.
            migrationBuilder.Sql("""
                ALTER TABLE agent_configs ADD CONSTRAINT agent_configs_business_id_key UNIQUE (business_id);
                ALTER TABLE businesses ADD CONSTRAINT businesses_twilio_phone_number_key UNIQUE (twilio_phone_number);
                ALTER TABLE conversations ADD CONSTRAINT conversations_session_id_key UNIQUE (session_id);
                -- Deferred so a reorder can swap positions inside one transaction.
                ALTER TABLE lead_capture_questions
                    ADD CONSTRAINT uq_lead_capture_questions_order UNIQUE (agent_config_id, "order") DEFERRABLE INITIALLY DEFERRED;
                """);

            // Full-text side of hybrid retrieval (docs/architecture.md, D6); the title path weighs more than the body.
            migrationBuilder.Sql("""
                ALTER TABLE knowledge_chunks ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', coalesce(heading_path, '')), 'A') ||
                    setweight(to_tsvector('english', content), 'B')) STORED;
                CREATE INDEX ix_knowledge_chunks_search ON knowledge_chunks USING gin (search_vector);
                """);

            // Defaults stay out of the model: EF would then leave a property at its CLR default (false, 0) out of an
            // INSERT and the database would store its own default instead (is_required = false would become true).
            migrationBuilder.Sql("""
                ALTER TABLE businesses
                    ALTER COLUMN business_type SET DEFAULT 'OTHER',
                    ALTER COLUMN plan_tier SET DEFAULT 'FREE',
                    ALTER COLUMN time_zone SET DEFAULT 'America/New_York',
                    ALTER COLUMN knowledge_version SET DEFAULT 0,
                    ALTER COLUMN created_at SET DEFAULT now(),
                    ALTER COLUMN updated_at SET DEFAULT now();
                ALTER TABLE users ALTER COLUMN created_at SET DEFAULT now();
                ALTER TABLE agent_configs
                    ALTER COLUMN agent_name SET DEFAULT 'AI Assistant',
                    ALTER COLUMN persona_prompt SET DEFAULT 'You are a helpful and friendly assistant.',
                    ALTER COLUMN welcome_message SET DEFAULT 'Hello! How can I help you today?',
                    ALTER COLUMN color_theme SET DEFAULT '{"primary": "#0ea5e9", "secondary": "#64748b"}',
                    ALTER COLUMN twilio_voice SET DEFAULT 'alice',
                    ALTER COLUMN twilio_language SET DEFAULT 'en-US',
                    ALTER COLUMN allowed_widget_origins SET DEFAULT '[]',
                    ALTER COLUMN extra_emergency_keywords SET DEFAULT '[]',
                    ALTER COLUMN created_at SET DEFAULT now(),
                    ALTER COLUMN updated_at SET DEFAULT now();
                ALTER TABLE lead_capture_questions
                    ALTER COLUMN expected_format SET DEFAULT 'TEXT',
                    ALTER COLUMN is_required SET DEFAULT true,
                    ALTER COLUMN is_essential_for_emergency SET DEFAULT false,
                    ALTER COLUMN created_at SET DEFAULT now(),
                    ALTER COLUMN updated_at SET DEFAULT now();
                ALTER TABLE knowledge_documents
                    ALTER COLUMN source SET DEFAULT 'MANUAL',
                    ALTER COLUMN created_at SET DEFAULT now(),
                    ALTER COLUMN updated_at SET DEFAULT now();
                ALTER TABLE knowledge_chunks
                    ALTER COLUMN heading_path SET DEFAULT '',
                    ALTER COLUMN created_at SET DEFAULT now();
                ALTER TABLE leads
                    ALTER COLUMN captured_data SET DEFAULT '{}',
                    ALTER COLUMN conversation_transcript SET DEFAULT '',
                    ALTER COLUMN status SET DEFAULT 'NEW',
                    ALTER COLUMN priority SET DEFAULT 'NORMAL',
                    ALTER COLUMN emergency_reasons SET DEFAULT '[]',
                    ALTER COLUMN created_at SET DEFAULT now(),
                    ALTER COLUMN updated_at SET DEFAULT now();
                ALTER TABLE conversations
                    ALTER COLUMN messages SET DEFAULT '[]',
                    ALTER COLUMN analytics SET DEFAULT '{}',
                    ALTER COLUMN status SET DEFAULT 'ACTIVE';
                ALTER TABLE notifications
                    ALTER COLUMN payload SET DEFAULT '{}',
                    ALTER COLUMN status SET DEFAULT 'PENDING',
                    ALTER COLUMN attempts SET DEFAULT 0,
                    ALTER COLUMN next_attempt_at SET DEFAULT now(),
                    ALTER COLUMN created_at SET DEFAULT now(),
                    ALTER COLUMN updated_at SET DEFAULT now();
                ALTER TABLE knowledge_gaps
                    ALTER COLUMN ask_count SET DEFAULT 1,
                    ALTER COLUMN status SET DEFAULT 'OPEN';
                """);

            // The enums are stored as text; these keep a hand-written UPDATE from storing a name the app cannot read.
            migrationBuilder.Sql("""
                ALTER TABLE businesses
                    ADD CONSTRAINT businesses_business_type_check
                        CHECK (business_type IN ('REAL_ESTATE', 'LAW', 'HVAC', 'PLUMBING', 'ELECTRICAL', 'OTHER')),
                    ADD CONSTRAINT businesses_plan_tier_check CHECK (plan_tier IN ('FREE', 'BASIC', 'PRO'));
                ALTER TABLE lead_capture_questions
                    ADD CONSTRAINT lead_capture_questions_expected_format_check
                        CHECK (expected_format IN ('TEXT', 'EMAIL', 'PHONE', 'DATE', 'ADDRESS')),
                    ADD CONSTRAINT lead_capture_questions_order_check CHECK ("order" > 0);
                ALTER TABLE knowledge_documents
                    ADD CONSTRAINT knowledge_documents_source_check CHECK (source IN ('MANUAL', 'CSV', 'JSON', 'URL', 'GAP'));
                ALTER TABLE leads
                    ADD CONSTRAINT leads_status_check CHECK (status IN ('NEW', 'CONTACTED', 'QUALIFIED', 'CLOSED')),
                    ADD CONSTRAINT leads_priority_check CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
                    ADD CONSTRAINT leads_channel_check CHECK (channel IN ('CHAT', 'VOICE'));
                ALTER TABLE conversations
                    ADD CONSTRAINT conversations_channel_check CHECK (channel IN ('CHAT', 'VOICE')),
                    ADD CONSTRAINT conversations_status_check CHECK (status IN ('ACTIVE', 'COMPLETED', 'ABANDONED', 'TRANSFERRED'));
                ALTER TABLE notifications
                    ADD CONSTRAINT notifications_kind_check CHECK (kind IN ('OWNER_EMAIL', 'OWNER_ALERT_CALL')),
                    ADD CONSTRAINT notifications_status_check CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED'));
                ALTER TABLE plan_changes
                    ADD CONSTRAINT plan_changes_from_plan_check CHECK (from_plan IN ('FREE', 'BASIC', 'PRO')),
                    ADD CONSTRAINT plan_changes_to_plan_check CHECK (to_plan IN ('FREE', 'BASIC', 'PRO'));
                ALTER TABLE knowledge_gaps
                    ADD CONSTRAINT knowledge_gaps_status_check CHECK (status IN ('OPEN', 'ANSWERED', 'DISMISSED'));
                """);

            // The data-protection key ring (Identity/PostgresXmlRepository reads and writes it in SQL, not through EF):
            // the keys behind sign-in cookies and antiforgery tokens, shared by every instance and every restart.
            migrationBuilder.Sql("""
                CREATE TABLE data_protection_keys (
                    friendly_name text PRIMARY KEY,
                    xml text NOT NULL,
                    created_at timestamptz NOT NULL DEFAULT now()
                );
                """);

            // The two roles, with fixed ids so that several instances starting at once never race to create them.
            migrationBuilder.Sql("""
                INSERT INTO roles (id, name, normalized_name, concurrency_stamp) VALUES
                    ('7d0c4c2e-2f4e-4b55-9a43-2f7b0a5f0001', 'PlatformAdmin', 'PLATFORMADMIN', '7d0c4c2e-2f4e-4b55-9a43-2f7b0a5f0001'),
                    ('7d0c4c2e-2f4e-4b55-9a43-2f7b0a5f0002', 'Owner', 'OWNER', '7d0c4c2e-2f4e-4b55-9a43-2f7b0a5f0002');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropTable(
                name: "conversations");

            migrationBuilder.DropTable(
                name: "knowledge_chunks");

            migrationBuilder.DropTable(
                name: "knowledge_gaps");

            migrationBuilder.DropTable(
                name: "lead_capture_questions");

            migrationBuilder.DropTable(
                name: "notifications");

            migrationBuilder.DropTable(
                name: "plan_changes");

            migrationBuilder.DropTable(
                name: "role_claims");

            migrationBuilder.DropTable(
                name: "user_claims");

            migrationBuilder.DropTable(
                name: "user_logins");

            migrationBuilder.DropTable(
                name: "user_roles");

            migrationBuilder.DropTable(
                name: "user_tokens");

            migrationBuilder.DropTable(
                name: "knowledge_documents");

            migrationBuilder.DropTable(
                name: "agent_configs");

            migrationBuilder.DropTable(
                name: "leads");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");

            migrationBuilder.DropTable(
                name: "businesses");
        }
    }
}
