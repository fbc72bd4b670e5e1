import { Module } from '@nestjs/common';
import { AuthModule } from '#libs/auth';
import { NotificationMailer } from './notification-mailer.service.js';
import { NotificationsRepository } from './notifications.repository.js';
import { NotificationsResolver } from './notifications.resolver.js';
import { NotificationsService } from './notifications.service.js';
import { UnsubscribeController } from './unsubscribe.controller.js';

@Module({
  imports: [AuthModule],
  controllers: [UnsubscribeController],
  providers: [NotificationsRepository, NotificationsService, NotificationMailer, NotificationsResolver],
  exports: [NotificationMailer],
})
export class NotificationsModule {}
