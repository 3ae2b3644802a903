# The platform's own processes (console and worker) as images, for docker-compose.yml.
# Bring-up (scripts/up.sh) does not use this file: it runs the same code directly on the host.
ARG NODE_IMAGE=node:20-bookworm-slim
FROM ${NODE_IMAGE} AS build
WORKDIR /berth
COPY . .
RUN npm install --no-audit --no-fund \
 && TURBO_TELEMETRY_DISABLED=1 NEXT_TELEMETRY_DISABLED=1 npx turbo run db:generate build --filter=@berth/web... --filter=@berth/db

FROM build AS web
ENV NODE_ENV=production
EXPOSE 3000
CMD ["npm", "run", "start", "-w", "@berth/web", "--", "--port", "3000"]

FROM build AS worker
ENV NODE_ENV=production
CMD ["npm", "run", "start", "-w", "@berth/worker"]
