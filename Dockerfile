# LeadsAgent for people with Docker. The same app `./run` serves; PostgreSQL and Redis come from compose.yaml.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props LeadsAgent.sln package.json package-lock.json ./
COPY LeadsAgent.Domain/LeadsAgent.Domain.csproj LeadsAgent.Domain/
COPY LeadsAgent.Infrastructure/LeadsAgent.Infrastructure.csproj LeadsAgent.Infrastructure/
COPY LeadsAgent.Web/LeadsAgent.Web.csproj LeadsAgent.Web/
RUN dotnet restore LeadsAgent.Web/LeadsAgent.Web.csproj
COPY . .
RUN scripts/assets && dotnet publish LeadsAgent.Web/LeadsAgent.Web.csproj -c Release -o /app --no-restore

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV Server__ListenAddress=0.0.0.0 \
    PORT=8080
EXPOSE 8080
# The image's built-in unprivileged user.
USER app
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["dotnet", "LeadsAgent.Web.dll"]
