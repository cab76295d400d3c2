# syntax=docker/dockerfile:1
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY db db
COPY frontend frontend
# plain jars (no launcher layout): Java's AOT cache takes classes from jars, not from directories
RUN ./mvnw -B -ntp -q package -DskipTests \
 && java -Djarmode=tools -jar target/rigplane-*.jar extract --layers --destination /layers \
 && mv /layers/application/rigplane-*.jar /layers/application/rigplane.jar

# Java 25 for its AOT cache: start-up about half of a plain `java -jar` (docs/performance.md)
FROM eclipse-temurin:25-jre
RUN groupadd --system rigplane && useradd --system --gid rigplane --home /app rigplane \
 && mkdir /app && chown rigplane:rigplane /app
WORKDIR /app
COPY --from=build /layers/dependencies/ ./
COPY --from=build /layers/spring-boot-loader/ ./
COPY --from=build /layers/snapshot-dependencies/ ./
COPY --from=build /layers/application/ ./
USER rigplane
# The training run: demo mode on a throwaway embedded PostgreSQL (nothing is kept but the cache), up to
# a refreshed context; the JVM writes the cache as it exits. The options must be those of ENTRYPOINT.
RUN java -XX:MaxRAMPercentage=75 -XX:AOTCacheOutput=rigplane.aot -Dspring.context.exit=onRefresh -jar rigplane.jar \
      --rigplane.embedded-database.directory=/tmp/training/postgres --rigplane.secrets.key-file=/tmp/training/secret.key \
      --rigplane.simulator.port=0 --rigplane.sessions.wol-ports= --server.port=0 \
      --rigplane.admin.token=rgp_aot-training-token-abcdefghijklmnopqrstuvwxyz --rigplane.admin.password=aot-training-only \
 && rm -rf /tmp/training
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:AOTCache=rigplane.aot", "-jar", "rigplane.jar"]
