# Builds the application jar and runs it on a JRE 21. Used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-21 AS build
RUN apt-get update -qq && apt-get install -y -qq nodejs npm && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
COPY src src
COPY workers workers
# no tests and no sandbox engine (a test library) in the image: it runs on a Camunda 8 cluster
RUN mvn -B -q -Dmaven.test.skip=true package

FROM eclipse-temurin:21-jre
WORKDIR /app
COPY --from=build /src/target/kinerja-*.jar app.jar
COPY processes processes
COPY forms forms
COPY notification-templates notification-templates
COPY document-templates document-templates
COPY jvm.options jvm.options
ENV MALLOC_ARENA_MAX=2
EXPOSE 8080
ENTRYPOINT ["java", "@/app/jvm.options", "-jar", "/app/app.jar"]
