# One image for every role (web, worker, scheduler); the role is chosen by the command.
FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production TZ=Asia/Ho_Chi_Minh
COPY package.json package-lock.json ./
RUN npm install --omit=dev --no-audit --no-fund
COPY . .
RUN mkdir -p /app/data && chown node:node /app/data
USER node
CMD ["npm", "start", "--", "--role", "all"]
